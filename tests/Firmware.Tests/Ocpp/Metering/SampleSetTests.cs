using Wallbox.Firmware.Metering;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Metering;
using Wallbox.Firmware.Transactions;

namespace Wallbox.Firmware.Tests.Ocpp.Metering;

/// <summary>The journal's compact sample encoding: 5-byte entries, at most 32 bytes, int32 values (FXP-46/47).</summary>
public sealed class SampleSetTests
{
    internal static MeterReading ThreePhase() => Reading(3, 123_456, 11_040, new[] { 16_000, 15_990, -250 }, new[] { 230_000, 231_500, 229_000 }, 50_010);

    internal static MeterReading Reading(int phases, long energyWh, int powerW, int[] currentMa, int[] voltageMv, int frequencyMilliHz)
    {
        var reading = new MeterReading { PhaseCount = phases, EnergyImportWh = energyWh, PowerW = powerW, FrequencyMilliHz = frequencyMilliHz };
        currentMa.CopyTo(reading.CurrentMa, 0);
        voltageMv.CopyTo(reading.VoltageMv, 0);
        return reading;
    }

    internal static MeasurandSelection Select(string csl)
    {
        var selection = new MeasurandSelection();
        Assert.True(selection.Parse(csl), selection.Reason);
        return selection;
    }

    private static (Measurand Measurand, int Phase, int Value)[] Entries(byte[] buffer, int offset, int length)
    {
        var entries = new (Measurand, int, int)[SampleSet.CountOf(length)];
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = (SampleSet.MeasurandAt(buffer, offset, i), SampleSet.PhaseAt(buffer, offset, i), SampleSet.ValueAt(buffer, offset, i));
        }

        return entries;
    }

    [Fact]
    public void Entries_are_a_code_byte_and_a_little_endian_int32()
    {
        var set = new SampleSet();
        var buffer = new byte[TransactionJournal.MaxSampleBytes];
        int length = set.Encode(Select("Voltage.L2"), ThreePhase(), 16_000, buffer, 0);
        Assert.Equal(SampleSet.EntryBytes, length);
        Assert.Equal((byte)(((int)Measurand.Voltage * 4) + 2), buffer[0]);
        Assert.Equal(new byte[] { 0x4C, 0x88, 0x03, 0x00 }, buffer[1..5]); // 231500 = 0x0003884C
    }

    [Fact]
    public void A_three_phase_reading_expands_per_phase_measurands_to_every_phase_in_selection_order()
    {
        var set = new SampleSet();
        var buffer = new byte[SampleSet.MaxBytes + 3];
        int length = set.Encode(Select("Current.Import,Energy.Active.Import.Register,Voltage,Frequency,Power.Active.Import,Current.Offered,Power.Offered"), ThreePhase(), 16_000, buffer, 3, SampleSet.MaxBytes);
        Assert.Equal(0, set.Cut);
        Assert.Equal(0, set.OutOfRange);
        Assert.Equal(new[]
        {
            (Measurand.CurrentImport, 1, 16_000), (Measurand.CurrentImport, 2, 15_990), (Measurand.CurrentImport, 3, -250),
            (Measurand.EnergyActiveImportRegister, 0, 123_456),
            (Measurand.Voltage, 1, 230_000), (Measurand.Voltage, 2, 231_500), (Measurand.Voltage, 3, 229_000),
            (Measurand.Frequency, 0, 50_010),
            (Measurand.PowerActiveImport, 0, 11_040),
            (Measurand.CurrentOffered, 0, 16_000),
            (Measurand.PowerOffered, 0, 11_048), // 16 A * (230 + 231.5 + 229) V
        }, Entries(buffer, 3, length));
    }

    [Fact]
    public void A_one_phase_reading_yields_L1_only_and_no_value_for_a_phase_it_does_not_measure()
    {
        var set = new SampleSet();
        var buffer = new byte[SampleSet.MaxBytes];
        var reading = Reading(1, 5, 3_680, new[] { 16_000, 0, 0 }, new[] { 230_000, 0, 0 }, 49_990);
        int length = set.Encode(Select("Current.Import,Voltage.L1,Voltage.L2,Voltage.L3,Power.Offered"), reading, 32_000, buffer, 0, SampleSet.MaxBytes);
        Assert.Equal(new[]
        {
            (Measurand.CurrentImport, 1, 16_000),
            (Measurand.Voltage, 1, 230_000),
            (Measurand.PowerOffered, 0, 7_360),
        }, Entries(buffer, 0, length));
        Assert.Equal(0, set.Cut);
    }

    [Fact]
    public void Power_offered_uses_the_nominal_voltage_where_the_meter_reads_none()
    {
        var set = new SampleSet();
        var buffer = new byte[SampleSet.MaxBytes];
        var reading = Reading(3, 0, 0, new[] { 0, 0, 0 }, new[] { 0, 0, 0 }, 0);
        int length = set.Encode(Select("Power.Offered"), reading, 16_000, buffer, 0);
        Assert.Equal(11_040, SampleSet.ValueAt(buffer, 0, 0));
        Assert.Equal(SampleSet.EntryBytes, length);
    }

    [Fact]
    public void More_values_than_32_bytes_hold_keeps_the_first_six_and_counts_the_cut()
    {
        var set = new SampleSet();
        var buffer = new byte[64];
        int length = set.Encode(Select("Energy.Active.Import.Register,Power.Active.Import,Current.Import,Current.Offered,Voltage"), ThreePhase(), 16_000, buffer, 0);
        Assert.Equal(SampleSet.MaxJournalValues * SampleSet.EntryBytes, length);
        Assert.True(length <= TransactionJournal.MaxSampleBytes);
        Assert.Equal(6, SampleSet.MaxJournalValues);
        Assert.Equal(3, set.Cut);
        Assert.Equal(new[]
        {
            (Measurand.EnergyActiveImportRegister, 0, 123_456), (Measurand.PowerActiveImport, 0, 11_040),
            (Measurand.CurrentImport, 1, 16_000), (Measurand.CurrentImport, 2, 15_990), (Measurand.CurrentImport, 3, -250),
            (Measurand.CurrentOffered, 0, 16_000),
        }, Entries(buffer, 0, length));
        Assert.All(buffer[length..], b => Assert.Equal(0, b));

        // The next encode starts counting afresh.
        set.Encode(Select("Frequency"), ThreePhase(), 0, buffer, 0);
        Assert.Equal(0, set.Cut);
    }

    [Fact]
    public void The_encoding_never_writes_past_the_buffer()
    {
        var set = new SampleSet();
        var buffer = new byte[12]; // room for two entries after offset 1
        int length = set.Encode(Select("Current.Import,Voltage"), ThreePhase(), 0, buffer, 1);
        Assert.Equal(10, length);
        Assert.Equal(4, set.Cut);
    }

    [Theory]
    [InlineData(2_000_000_000L)]
    [InlineData(int.MaxValue)]
    [InlineData(-5L)]
    [InlineData(0L)]
    public void An_energy_register_that_fits_an_int32_is_kept_exactly(long energyWh)
    {
        var set = new SampleSet();
        var buffer = new byte[TransactionJournal.MaxSampleBytes];
        var reading = ThreePhase();
        reading.EnergyImportWh = energyWh;
        int length = set.Encode(Select("Energy.Active.Import.Register"), reading, 0, buffer, 0);
        Assert.Equal(SampleSet.EntryBytes, length);
        Assert.Equal(energyWh, SampleSet.ValueAt(buffer, 0, 0));
        Assert.Equal(0, set.OutOfRange);
    }

    [Theory]
    [InlineData(int.MaxValue + 1L)]
    [InlineData(5_000_000_000L)]
    [InlineData(int.MinValue - 1L)]
    public void An_energy_register_beyond_int32_is_left_out_and_counted_never_wrapped(long energyWh)
    {
        var set = new SampleSet();
        var buffer = new byte[TransactionJournal.MaxSampleBytes];
        var reading = ThreePhase();
        reading.EnergyImportWh = energyWh;
        int length = set.Encode(Select("Energy.Active.Import.Register,Frequency"), reading, 0, buffer, 0);
        Assert.Equal(1, set.OutOfRange);
        Assert.Equal(new[] { (Measurand.Frequency, 0, 50_010) }, Entries(buffer, 0, length));
    }

    [Fact]
    public void Extreme_int32_values_survive_the_encoding()
    {
        var set = new SampleSet();
        var buffer = new byte[SampleSet.MaxBytes];
        var reading = Reading(3, 0, int.MinValue, new[] { int.MaxValue, -1, int.MinValue }, new[] { 1, 2, 3 }, -50_000);
        int length = set.Encode(Select("Power.Active.Import,Current.Import,Frequency,Current.Offered"), reading, -6_000, buffer, 0, SampleSet.MaxBytes);
        Assert.Equal(new[]
        {
            (Measurand.PowerActiveImport, 0, int.MinValue),
            (Measurand.CurrentImport, 1, int.MaxValue), (Measurand.CurrentImport, 2, -1), (Measurand.CurrentImport, 3, int.MinValue),
            (Measurand.Frequency, 0, -50_000),
            (Measurand.CurrentOffered, 0, -6_000),
        }, Entries(buffer, 0, length));
    }

    [Fact]
    public void An_empty_selection_encodes_nothing()
    {
        var set = new SampleSet();
        Assert.Equal(0, set.Encode(Select(""), ThreePhase(), 0, new byte[32], 0));
        Assert.Equal(0, SampleSet.CountOf(0));
        Assert.Equal(1, SampleSet.CountOf(9)); // a trailing partial entry is ignored
    }
}
