using Wallbox.Drivers.Desfire;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>Status codes of the NXP MF3ICDx81 datasheet table, named and described.</summary>
public sealed class DesfireStatusTextTests
{
    [Theory]
    [InlineData(0x00, "OPERATION_OK")]
    [InlineData(0x0C, "NO_CHANGES")]
    [InlineData(0x0E, "OUT_OF_EEPROM_ERROR")]
    [InlineData(0x1C, "ILLEGAL_COMMAND_CODE")]
    [InlineData(0x1E, "INTEGRITY_ERROR")]
    [InlineData(0x40, "NO_SUCH_KEY")]
    [InlineData(0x7E, "LENGTH_ERROR")]
    [InlineData(0x9D, "PERMISSION_DENIED")]
    [InlineData(0x9E, "PARAMETER_ERROR")]
    [InlineData(0xA0, "APPLICATION_NOT_FOUND")]
    [InlineData(0xA1, "APPL_INTEGRITY_ERROR")]
    [InlineData(0xAE, "AUTHENTICATION_ERROR")]
    [InlineData(0xAF, "ADDITIONAL_FRAME")]
    [InlineData(0xBE, "BOUNDARY_ERROR")]
    [InlineData(0xC1, "PICC_INTEGRITY_ERROR")]
    [InlineData(0xCA, "COMMAND_ABORTED")]
    [InlineData(0xCD, "PICC_DISABLED_ERROR")]
    [InlineData(0xCE, "COUNT_ERROR")]
    [InlineData(0xDE, "DUPLICATE_ERROR")]
    [InlineData(0xEE, "EEPROM_ERROR")]
    [InlineData(0xF0, "FILE_NOT_FOUND")]
    [InlineData(0xF1, "FILE_INTEGRITY_ERROR")]
    public void Each_datasheet_status_code_has_its_name_and_value(int code, string name)
    {
        string text = DesfireStatusText.Describe(code);
        Assert.StartsWith("0x" + code.ToString("X2") + " " + name + ":", text);
        Assert.True(System.Enum.IsDefined(typeof(DesfireStatus), code));
    }

    [Fact]
    public void An_unknown_code_is_named_unknown()
    {
        Assert.Equal("0x55 unknown DESFire status", DesfireStatusText.Describe(0x55));
    }

    [Theory]
    [InlineData("9D", DesfireSessionResult.PermissionDenied)]
    [InlineData("1E", DesfireSessionResult.IntegrityError)]
    [InlineData("AE", DesfireSessionResult.AuthenticationFailed)]
    [InlineData("CA", DesfireSessionResult.CardError)]
    public void A_failing_SelectApplication_status_maps_to_a_session_result(string status, DesfireSessionResult expected)
    {
        var exchange = new ScriptedApduExchange("60", "AF04010101001A05", "AF", "AF04010101041A05", "AF", "0004063F72633480BA4519E3204913", "5A010000", status);
        var session = new DesfireCardSession(exchange, new FixedRandomSource("00"));
        var settings = new DesfireSessionSettings { Aid = 1, Key = new byte[16] };

        Assert.Equal(expected, SessionRunner.Run(session, settings, Hex.Bytes("04063F72633480")));
        Assert.Equal(System.Convert.ToInt32(status, 16), session.StatusCode);
    }
}
