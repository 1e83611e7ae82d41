using Wallbox.Firmware.Ocpp.Metering;

namespace Wallbox.Firmware.Tests.Ocpp.Metering;

/// <summary>The configuration rule of the four measurand list keys (FXP-48, FXP-K20).</summary>
public sealed class MeasurandListCheckTests
{
    public static TheoryData<string> AnyListChecks => new() { "Sampled", "Aligned", "StopTxnAligned" };

    private static MeasurandListCheck ByName(string name) => name switch
    {
        "Sampled" => MeasurandListCheck.Sampled,
        "Aligned" => MeasurandListCheck.Aligned,
        "StopTxnAligned" => MeasurandListCheck.StopTxnAligned,
        _ => MeasurandListCheck.StopTxnSampled,
    };

    [Theory]
    [MemberData(nameof(AnyListChecks))]
    public void Any_supported_list_including_the_empty_one_passes(string check)
    {
        Assert.Null(ByName(check).Check(""));
        Assert.Null(ByName(check).Check("Energy.Active.Import.Register,Power.Active.Import,Current.Import,Current.Offered"));
        Assert.Null(ByName(check).Check("Voltage.L1,Frequency,Power.Offered"));
    }

    [Theory]
    [MemberData(nameof(AnyListChecks))]
    public void An_unsupported_measurand_fails_and_is_named(string check)
    {
        Assert.Contains("SoC", ByName(check).Check("Energy.Active.Import.Register,SoC"));
    }

    [Fact]
    public void StopTxnSampledData_must_contain_the_energy_register()
    {
        Assert.Null(MeasurandListCheck.StopTxnSampled.Check("Energy.Active.Import.Register"));
        Assert.Null(MeasurandListCheck.StopTxnSampled.Check("Current.Offered, Energy.Active.Import.Register ,Power.Offered"));
        Assert.Contains("Energy.Active.Import.Register", MeasurandListCheck.StopTxnSampled.Check("Current.Offered,Power.Offered"));
        Assert.NotNull(MeasurandListCheck.StopTxnSampled.Check(""));
        Assert.Contains("Temperature", MeasurandListCheck.StopTxnSampled.Check("Energy.Active.Import.Register,Temperature"));
    }
}
