using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Metering;

namespace Wallbox.Firmware.Tests.Ocpp.Metering;

/// <summary>Parsing of the measurand lists (OCPP 1.6 §9.1, FXP-K11/K13/K19/K20, FXP-48/49).</summary>
public sealed class MeasurandSelectionTests
{
    [Theory]
    [InlineData("Energy.Active.Import.Register", Measurand.EnergyActiveImportRegister, Phase.Unset)]
    [InlineData("Power.Active.Import", Measurand.PowerActiveImport, Phase.Unset)]
    [InlineData("Power.Offered", Measurand.PowerOffered, Phase.Unset)]
    [InlineData("Current.Import", Measurand.CurrentImport, Phase.Unset)]
    [InlineData("Current.Import.L1", Measurand.CurrentImport, Phase.L1)]
    [InlineData("Current.Import.L2", Measurand.CurrentImport, Phase.L2)]
    [InlineData("Current.Import.L3", Measurand.CurrentImport, Phase.L3)]
    [InlineData("Current.Offered", Measurand.CurrentOffered, Phase.Unset)]
    [InlineData("Voltage", Measurand.Voltage, Phase.Unset)]
    [InlineData("Voltage.L1", Measurand.Voltage, Phase.L1)]
    [InlineData("Voltage.L2", Measurand.Voltage, Phase.L2)]
    [InlineData("Voltage.L3", Measurand.Voltage, Phase.L3)]
    [InlineData("Frequency", Measurand.Frequency, Phase.Unset)]
    public void Every_supported_measurand_and_phase_is_accepted(string csl, Measurand measurand, Phase phase)
    {
        var selection = new MeasurandSelection();
        Assert.True(selection.Parse(csl), selection.Reason);
        Assert.Null(selection.Reason);
        Assert.Equal(1, selection.Count);
        Assert.Equal(measurand, selection.MeasurandAt(0));
        Assert.Equal(phase, selection.PhaseAt(0));
    }

    [Fact]
    public void A_list_keeps_its_order_and_whitespace_around_entries_is_ignored()
    {
        var selection = new MeasurandSelection();
        Assert.True(selection.Parse(" Voltage.L2 ,\tEnergy.Active.Import.Register,Current.Import.L1,  Current.Import.L3 "), selection.Reason);
        Assert.Equal(4, selection.Count);
        Assert.Equal(Measurand.Voltage, selection.MeasurandAt(0));
        Assert.Equal(Phase.L2, selection.PhaseAt(0));
        Assert.Equal(Measurand.EnergyActiveImportRegister, selection.MeasurandAt(1));
        Assert.Equal(Phase.L1, selection.PhaseAt(2));
        Assert.Equal(Phase.L3, selection.PhaseAt(3));
        Assert.True(selection.Contains(Measurand.EnergyActiveImportRegister));
        Assert.False(selection.Contains(Measurand.Frequency));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_or_blank_value_is_the_empty_selection(string csl)
    {
        var selection = new MeasurandSelection();
        Assert.True(selection.Parse("Voltage"));
        Assert.True(selection.Parse(csl));
        Assert.Equal(0, selection.Count);
    }

    [Fact]
    public void Eight_entries_are_accepted_and_a_ninth_is_refused()
    {
        var selection = new MeasurandSelection();
        string eight = "Energy.Active.Import.Register,Power.Active.Import,Power.Offered,Current.Offered,Frequency,Current.Import.L1,Current.Import.L2,Voltage";
        Assert.True(selection.Parse(eight), selection.Reason);
        Assert.Equal(8, selection.Count);
        Assert.False(selection.Parse(eight + ",Current.Import.L3"));
        Assert.Contains("more than 8", selection.Reason);
    }

    [Theory]
    [InlineData("SoC", "SoC")]
    [InlineData("Temperature", "Temperature")]
    [InlineData("Energy.Active.Export.Register", "Energy.Active.Export.Register")]
    [InlineData("Energy.Active.Import.Interval", "Energy.Active.Import.Interval")]
    [InlineData("Energy.Reactive.Import.Register", "Energy.Reactive.Import.Register")]
    [InlineData("Power.Active.Export", "Power.Active.Export")]
    [InlineData("Power.Reactive.Import", "Power.Reactive.Import")]
    [InlineData("Power.Factor", "Power.Factor")]
    [InlineData("Current.Export", "Current.Export")]
    [InlineData("RPM", "RPM")]
    [InlineData("Energy.Active.Import.Register,SoC", "SoC")]
    [InlineData("Current.Export.L1", "Current.Export")]
    public void Unsupported_measurands_are_refused_by_name(string csl, string named)
    {
        var selection = new MeasurandSelection();
        Assert.False(selection.Parse(csl));
        Assert.Contains("unsupported measurand " + named, selection.Reason);
    }

    [Theory]
    [InlineData("Energy", "unknown measurand Energy")]
    [InlineData("voltage", "unknown measurand voltage")]
    [InlineData("Voltage.", "unknown measurand Voltage.")]
    [InlineData("Bogus.L1", "unknown measurand Bogus.L1")]
    [InlineData("Voltage.L4", "unsupported phase L4")]
    [InlineData("Voltage.N", "unsupported phase N")]
    [InlineData("Voltage.L1-N", "unsupported phase L1-N")]
    [InlineData("Current.Offered.L1", "Current.Offered has no phase")]
    [InlineData("Energy.Active.Import.Register.L1", "Energy.Active.Import.Register has no phase")]
    [InlineData("Power.Active.Import.L2", "Power.Active.Import has no phase")]
    [InlineData("Frequency.L1", "Frequency has no phase")]
    [InlineData("Voltage,,Frequency", "empty entry")]
    [InlineData("Voltage,", "empty entry")]
    [InlineData(",Voltage", "empty entry")]
    public void Unknown_names_bad_phases_and_empty_entries_are_refused(string csl, string reason)
    {
        var selection = new MeasurandSelection();
        Assert.False(selection.Parse(csl));
        Assert.Contains(reason, selection.Reason);
    }

    [Theory]
    [InlineData("Voltage,Voltage", "duplicate measurand Voltage")]
    [InlineData("Voltage.L1, Frequency, Voltage.L1", "duplicate measurand Voltage.L1")]
    [InlineData("Energy.Active.Import.Register,Energy.Active.Import.Register", "duplicate")]
    [InlineData("Current.Import,Current.Import.L2", "Current.Import.L2 overlaps")]
    [InlineData("Current.Import.L2,Current.Import", "Current.Import overlaps")]
    public void Repeated_or_overlapping_entries_are_refused(string csl, string reason)
    {
        var selection = new MeasurandSelection();
        Assert.False(selection.Parse(csl));
        Assert.Contains(reason, selection.Reason);
    }

    [Fact]
    public void A_refused_list_leaves_the_selection_unchanged()
    {
        var selection = new MeasurandSelection();
        Assert.True(selection.Parse("Voltage.L3,Frequency"));
        Assert.False(selection.Parse("Current.Import,SoC"));
        Assert.Equal(2, selection.Count);
        Assert.Equal(Measurand.Voltage, selection.MeasurandAt(0));
        Assert.Equal(Phase.L3, selection.PhaseAt(0));
        Assert.Equal(Measurand.Frequency, selection.MeasurandAt(1));
    }

    [Fact]
    public void Parsing_a_valid_list_allocates_nothing()
    {
        var selection = new MeasurandSelection();
        string csl = "Energy.Active.Import.Register, Current.Import.L1,Voltage,Power.Offered";
        Assert.True(selection.Parse(csl));
        long before = System.GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            selection.Parse(csl);
        }

        Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
