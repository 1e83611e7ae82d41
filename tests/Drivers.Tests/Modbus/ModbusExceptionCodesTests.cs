using Wallbox.Drivers.Modbus;

namespace Wallbox.Drivers.Tests.Modbus;

/// <summary>Exception codes and their meanings (MODBUS Application Protocol V1.1b3 §7).</summary>
public sealed class ModbusExceptionCodesTests
{
    [Theory]
    [InlineData(0x01, "Illegal Function")]
    [InlineData(0x02, "Illegal Data Address")]
    [InlineData(0x03, "Illegal Data Value")]
    [InlineData(0x04, "Server Device Failure")]
    [InlineData(0x05, "Acknowledge")]
    [InlineData(0x06, "Server Device Busy")]
    [InlineData(0x07, "Negative Acknowledge")]
    [InlineData(0x08, "Memory Parity Error")]
    [InlineData(0x0A, "Gateway Path Unavailable")]
    [InlineData(0x0B, "Gateway Target Device Failed To Respond")]
    public void Every_defined_code_has_its_meaning_from_the_specification(byte code, string meaning)
    {
        Assert.Equal(meaning, ModbusExceptionCodes.Meaning(code));
    }

    [Theory]
    [InlineData(0x00, "unknown exception 0x00")]
    [InlineData(0x09, "unknown exception 0x09")]
    [InlineData(0x0C, "unknown exception 0x0C")]
    [InlineData(0xFF, "unknown exception 0xFF")]
    public void Undefined_codes_are_reported_as_unknown_with_their_value(byte code, string meaning)
    {
        Assert.Equal(meaning, ModbusExceptionCodes.Meaning(code));
    }

    [Fact]
    public void A_request_without_an_exception_reports_none()
    {
        Assert.Equal("none", new ModbusRequest().ExceptionMeaning);
    }
}
