using System;
using System.Collections.Generic;
using System.Linq;
using Wallbox.Drivers.Meters;

namespace Wallbox.Drivers.Tests.Meters;

public sealed class MeterModelsTests
{
    [Theory]
    [InlineData("SDM630", "SDM630")]
    [InlineData("sdm630", "SDM630")]
    [InlineData(" SDM72DM ", "SDM72DM")]
    [InlineData("SDM72D-M", "SDM72DM")]
    [InlineData("SDM120", "SDM120")]
    [InlineData("SDM230", "SDM230")]
    [InlineData("ABB-B23", "ABB-B23")]
    [InlineData("abb-b24", "ABB-B23")]
    [InlineData("EM340", "EM340")]
    [InlineData("PRO380", "PRO380")]
    [InlineData("pro380-mod", "PRO380")]
    public void The_configured_MeterType_finds_its_map_ignoring_case(string configured, string expected)
    {
        Assert.Equal(expected, MeterModels.Find(configured)?.Name);
    }

    [Theory]
    [InlineData("WM3M4")]
    [InlineData("EEM350")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_or_unsupported_MeterType_finds_nothing(string configured)
    {
        Assert.Null(MeterModels.Find(configured));
    }

    [Fact]
    public void Every_map_has_a_distinct_name_and_its_phase_count()
    {
        Assert.Equal(MeterModels.All.Length, MeterModels.All.Select(m => m.Name).Distinct().Count());
        Assert.Equal(
            [("SDM630", 3), ("SDM72DM", 3), ("SDM120", 1), ("SDM230", 1), ("ABB-B23", 3), ("EM340", 3), ("PRO380", 3)],
            MeterModels.All.Select(m => (m.Name, m.PhaseCount)));
    }

    [Fact]
    public void The_stated_energy_resolution_is_1_Wh_for_float32_kWh_below_16384_kWh_10_Wh_for_ABB_and_100_Wh_for_the_EM340()
    {
        foreach (MeterRegisterMap eastron in new[] { MeterModels.Sdm630, MeterModels.Sdm72dm, MeterModels.Sdm120, MeterModels.Sdm230, MeterModels.Pro380 })
        {
            Assert.Equal((1, 16_384_000L), (eastron.EnergyResolutionWh, eastron.EnergyResolutionValidBelowWh));
            MeterRegister import = eastron.Find(MeterQuantity.EnergyImport)!;
            Assert.Equal(1, MeterDecoder.ResolutionAt(import, eastron.EnergyResolutionValidBelowWh - 1));
            Assert.True(MeterDecoder.ResolutionAt(import, eastron.EnergyResolutionValidBelowWh) > 1);
        }

        Assert.Equal(10, MeterModels.AbbB23.EnergyResolutionWh);
        Assert.Equal(100, MeterModels.Em340.EnergyResolutionWh);
        foreach (MeterRegisterMap map in MeterModels.All)
        {
            Assert.Equal(map.EnergyResolutionWh, MeterDecoder.ResolutionAt(map.Find(MeterQuantity.EnergyImport)!, 1000));
        }
    }
}
