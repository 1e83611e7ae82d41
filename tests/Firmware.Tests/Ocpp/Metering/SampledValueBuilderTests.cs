using System;
using System.Linq;
using Wallbox.Firmware.Metering;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Metering;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Tests.Ocpp.Messages;
using Wallbox.Firmware.Transactions;

namespace Wallbox.Firmware.Tests.Ocpp.Metering;

/// <summary>Decoding sample sets into OCPP MeterValues (OCPP 1.6 §7.17, §7.43; FXP-46/49).</summary>
public sealed class SampledValueBuilderTests
{
    private const long Timestamp = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    private static MeterValue EncodeAndBuild(SampledValueBuilder builder, string csl, MeterReading reading, int offeredMa, ReadingContext context, int maxBytes = SampleSet.MaxBytes)
    {
        var buffer = new byte[SampleSet.MaxBytes];
        int length = new SampleSet().Encode(SampleSetTests.Select(csl), reading, offeredMa, buffer, 0, maxBytes);
        return builder.Build(buffer, 0, length, Timestamp, context);
    }

    private static void AssertValidMeterValues(MeterValue meterValue)
    {
        var request = new MeterValuesRequest { ConnectorId = 1, MeterValue = new[] { meterValue } };
        var error = new OcppDecodeError();
        Assert.True(request.Validate(error), error.Description);
    }

    private static string Json(params MeterValue[] meterValues)
    {
        return PayloadCodec.Text(new MeterValuesRequest { ConnectorId = 1, MeterValue = meterValues });
    }

    [Fact]
    public void A_three_phase_reading_round_trips_with_measurand_phase_unit_location_and_context()
    {
        var builder = new SampledValueBuilder();
        MeterValue mv = EncodeAndBuild(builder, "Energy.Active.Import.Register,Current.Import,Voltage,Frequency,Power.Active.Import,Current.Offered,Power.Offered", SampleSetTests.ThreePhase(), 16_000, ReadingContext.SamplePeriodic);
        Assert.Equal(Timestamp, mv.Timestamp);
        Assert.Equal(11, mv.SampledValue.Length);
        var actual = mv.SampledValue.Select(v => (v.Measurand, v.Phase, v.Unit, v.Location, v.Value)).ToArray();
        Assert.Equal(new[]
        {
            (Measurand.EnergyActiveImportRegister, Phase.Unset, UnitOfMeasure.Wh, Location.Outlet, "123456"),
            (Measurand.CurrentImport, Phase.L1, UnitOfMeasure.A, Location.Outlet, "16.000"),
            (Measurand.CurrentImport, Phase.L2, UnitOfMeasure.A, Location.Outlet, "15.990"),
            (Measurand.CurrentImport, Phase.L3, UnitOfMeasure.A, Location.Outlet, "-0.250"),
            (Measurand.Voltage, Phase.L1N, UnitOfMeasure.V, Location.Outlet, "230.000"),
            (Measurand.Voltage, Phase.L2N, UnitOfMeasure.V, Location.Outlet, "231.500"),
            (Measurand.Voltage, Phase.L3N, UnitOfMeasure.V, Location.Outlet, "229.000"),
            (Measurand.Frequency, Phase.Unset, UnitOfMeasure.Unset, Location.Outlet, "50.010"),
            (Measurand.PowerActiveImport, Phase.Unset, UnitOfMeasure.W, Location.Outlet, "11040"),
            (Measurand.CurrentOffered, Phase.Unset, UnitOfMeasure.A, Location.Unset, "16.000"),
            (Measurand.PowerOffered, Phase.Unset, UnitOfMeasure.W, Location.Unset, "11048"),
        }, actual);
        Assert.All(mv.SampledValue, v => Assert.Equal(ReadingContext.SamplePeriodic, v.Context));
        Assert.All(mv.SampledValue, v => Assert.Equal(ValueFormat.Unset, v.Format));
        AssertValidMeterValues(mv);
    }

    [Fact]
    public void A_one_phase_journal_record_round_trips_and_is_valid_on_the_wire()
    {
        var builder = new SampledValueBuilder();
        var reading = SampleSetTests.Reading(1, 2_000_000_000, 3_680, new[] { 16_000, 0, 0 }, new[] { 230_000, 0, 0 }, 50_000);
        MeterValue mv = EncodeAndBuild(builder, "Energy.Active.Import.Register,Current.Import,Voltage", reading, 16_000, ReadingContext.TransactionEnd, TransactionJournal.MaxSampleBytes);
        AssertValidMeterValues(mv);
        Assert.Equal(
            "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"sampledValue\":["
            + "{\"value\":\"2000000000\",\"context\":\"Transaction.End\",\"measurand\":\"Energy.Active.Import.Register\",\"location\":\"Outlet\",\"unit\":\"Wh\"},"
            + "{\"value\":\"16.000\",\"context\":\"Transaction.End\",\"measurand\":\"Current.Import\",\"phase\":\"L1\",\"location\":\"Outlet\",\"unit\":\"A\"},"
            + "{\"value\":\"230.000\",\"context\":\"Transaction.End\",\"measurand\":\"Voltage\",\"phase\":\"L1-N\",\"location\":\"Outlet\",\"unit\":\"V\"}]}]}",
            Json(mv));
    }

    [Theory]
    [InlineData(16_000, "16.000")]
    [InlineData(5, "0.005")]
    [InlineData(0, "0.000")]
    [InlineData(-1_250, "-1.250")]
    [InlineData(-5, "-0.005")]
    [InlineData(999, "0.999")]
    [InlineData(1_000, "1.000")]
    [InlineData(int.MaxValue, "2147483.647")]
    [InlineData(int.MinValue, "-2147483.648")]
    public void Milli_values_are_decimals_with_three_places(int currentMa, string text)
    {
        var reading = SampleSetTests.ThreePhase();
        MeterValue mv = EncodeAndBuild(new SampledValueBuilder(), "Current.Offered", reading, currentMa, ReadingContext.Trigger);
        Assert.Equal(text, mv.SampledValue.Single().Value);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(-7, "-7")]
    [InlineData(int.MaxValue, "2147483647")]
    [InlineData(int.MinValue, "-2147483648")]
    public void Integer_values_are_plain_decimals(int powerW, string text)
    {
        var reading = SampleSetTests.ThreePhase();
        reading.PowerW = powerW;
        MeterValue mv = EncodeAndBuild(new SampledValueBuilder(), "Power.Active.Import", reading, 0, ReadingContext.SampleClock);
        Assert.Equal(text, mv.SampledValue.Single().Value);
    }

    [Fact]
    public void Formatting_ignores_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // A culture with ',' as decimal separator and U+2212 as the minus sign.
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("sv-SE");
            var reading = SampleSetTests.ThreePhase();
            reading.PowerW = -12;
            MeterValue mv = EncodeAndBuild(new SampledValueBuilder(), "Power.Active.Import,Current.Import.L3", reading, 0, ReadingContext.SamplePeriodic);
            Assert.Equal(new[] { "-12", "-0.250" }, mv.SampledValue.Select(v => v.Value).ToArray());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void The_sampled_value_array_has_exactly_the_decoded_count_and_is_reused_per_length()
    {
        var builder = new SampledValueBuilder();
        var reading = SampleSetTests.ThreePhase();
        SampledValue[] three = EncodeAndBuild(builder, "Current.Import", reading, 0, ReadingContext.SamplePeriodic).SampledValue;
        SampledValue[] one = EncodeAndBuild(builder, "Frequency", reading, 0, ReadingContext.SamplePeriodic).SampledValue;
        SampledValue[] threeAgain = EncodeAndBuild(builder, "Voltage", reading, 0, ReadingContext.SamplePeriodic).SampledValue;
        SampledValue[] none = EncodeAndBuild(builder, "", reading, 0, ReadingContext.SamplePeriodic).SampledValue;
        Assert.Equal(3, three.Length);
        Assert.Single(one);
        Assert.Same(three, threeAgain);
        Assert.Same(three[0], one[0]);
        Assert.Empty(none);

        // The largest selection: 8 entries, 24 values.
        var full = EncodeAndBuild(builder, "Current.Import.L1,Current.Import.L2,Current.Import.L3,Voltage.L1,Voltage.L2,Voltage.L3,Energy.Active.Import.Register,Frequency", reading, 0, ReadingContext.SamplePeriodic);
        Assert.Equal(8, full.SampledValue.Length);
        AssertValidMeterValues(full);
    }

    [Fact]
    public void Entries_with_a_code_no_supported_measurand_has_are_skipped_and_counted()
    {
        var builder = new SampledValueBuilder();
        byte[] samples =
        {
            (byte)((int)Measurand.SoC * 4), 1, 0, 0, 0,
            (byte)((int)Measurand.Frequency * 4 + 2), 1, 0, 0, 0, // a phase on a measurand that has none
            (byte)((int)Measurand.PowerActiveImport * 4), 0x10, 0x27, 0, 0,
            0xFF, 0, 0, 0, 0,
        };
        MeterValue mv = builder.Build(samples, 0, samples.Length, Timestamp, ReadingContext.SamplePeriodic);
        Assert.Equal(3, builder.Skipped);
        Assert.Equal("10000", mv.SampledValue.Single().Value);
        AssertValidMeterValues(mv);
    }

    [Fact]
    public void The_energy_register_alone_fills_a_reused_meter_value_for_transaction_data()
    {
        var builder = new SampledValueBuilder();
        var begin = new MeterValue();
        builder.FillEnergyRegister(begin, 1_000, Timestamp, ReadingContext.TransactionBegin);
        SampledValue[] array = begin.SampledValue;
        builder.FillEnergyRegister(begin, 5_000_000_000L, Timestamp + 1, ReadingContext.TransactionEnd);
        Assert.Same(array, begin.SampledValue);
        Assert.Equal(Timestamp + 1, begin.Timestamp);
        SampledValue v = begin.SampledValue.Single();
        Assert.Equal(("5000000000", ReadingContext.TransactionEnd, Measurand.EnergyActiveImportRegister, UnitOfMeasure.Wh, Location.Outlet, Phase.Unset),
            (v.Value, v.Context, v.Measurand, v.Unit, v.Location, v.Phase));

        var stop = new StopTransactionRequest { MeterStop = 5_000, Timestamp = Timestamp, TransactionId = 7, TransactionData = new[] { begin } };
        var error = new OcppDecodeError();
        Assert.True(stop.Validate(error), error.Description);
    }

    [Fact]
    public void A_steady_encode_and_build_allocates_nothing_when_values_repeat_and_only_value_strings_otherwise()
    {
        var builder = new SampledValueBuilder();
        var set = new SampleSet();
        var selection = SampleSetTests.Select("Energy.Active.Import.Register,Power.Active.Import,Current.Import,Current.Offered");
        var reading = SampleSetTests.ThreePhase();
        var buffer = new byte[TransactionJournal.MaxSampleBytes];
        int length = set.Encode(selection, reading, 16_000, buffer, 0);
        builder.Build(buffer, 0, length, Timestamp, ReadingContext.SamplePeriodic);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            length = set.Encode(selection, reading, 16_000, buffer, 0);
            builder.Build(buffer, 0, length, Timestamp + i, ReadingContext.SamplePeriodic);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        // The energy register changes every time: one new string ("123457".."124456", 6 characters) per build, nothing else.
        const int StringBytes = 40; // .NET 64-bit: 20-byte header and length + 7 UTF-16 characters with terminator, 8-aligned
        before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i <= 1_000; i++)
        {
            reading.EnergyImportWh = 123_456 + i;
            length = set.Encode(selection, reading, 16_000, buffer, 0);
            builder.Build(buffer, 0, length, Timestamp + i, ReadingContext.SamplePeriodic);
        }

        Assert.Equal(1_000 * StringBytes, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
