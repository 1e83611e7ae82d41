using Wallbox.Firmware.Ocpp.Configuration;

namespace Wallbox.Firmware.Tests.Ocpp.Configuration;

/// <summary>The rule of ConnectorPhaseRotation (OCPP 1.6 §9.1.7, FXP-K06).</summary>
public sealed class PhaseRotationCheckTests
{
    private readonly PhaseRotationCheck _oneConnector = new PhaseRotationCheck(1);

    [Theory]
    [InlineData("1.Unknown")]
    [InlineData("1.NotApplicable")]
    [InlineData("0.RST,1.RST")]
    [InlineData("0.RST, 1.RTS")]
    [InlineData("1.SRT")]
    [InlineData("1.STR")]
    [InlineData("1.TRS")]
    [InlineData("1.TSR")]
    [InlineData(" 0.Unknown ")]
    public void Each_connector_0_to_NumberOfConnectors_with_one_of_the_eight_rotations_passes(string value)
    {
        Assert.Null(_oneConnector.Check(value));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("1.rst", "'rst' is not a phase rotation")]
    [InlineData("1.LMN", "allowed: NotApplicable, Unknown, RST, RTS, SRT, STR, TRS, TSR")]
    [InlineData("2.RST", "'2.RST' is not <connector>.<rotation> with connector 0..1")]
    [InlineData("RST", "'RST' is not <connector>.<rotation>")]
    [InlineData(".RST", "'.RST' is not <connector>.<rotation>")]
    [InlineData("-1.RST", "'-1.RST' is not <connector>.<rotation>")]
    [InlineData("1.RST,1.RTS", "connector 1 is listed twice")]
    [InlineData("0.RST,,1.RST", "an empty entry")]
    [InlineData("1.RST,", "an empty entry")]
    [InlineData("1.", "'' is not a phase rotation")]
    public void A_malformed_entry_an_unknown_rotation_or_connector_or_a_repeated_connector_fails_with_a_reason_naming_it(string value, string reason)
    {
        Assert.Contains(reason, _oneConnector.Check(value));
    }

    [Fact]
    public void A_charge_point_with_more_connectors_accepts_each_of_them()
    {
        var check = new PhaseRotationCheck(2);

        Assert.Null(check.Check("0.RST,1.RST,2.RTS"));
        Assert.NotNull(check.Check("3.RST"));
    }
}
