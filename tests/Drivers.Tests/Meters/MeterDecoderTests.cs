using System;
using System.Collections.Generic;
using System.Linq;
using Wallbox.Drivers.Meters;

namespace Wallbox.Drivers.Tests.Meters;

public sealed class MeterDecoderTests
{
    private static readonly MeterRegister EastronVoltage = MeterModels.Sdm630.Find(MeterQuantity.VoltageL1)!;
    private static readonly MeterRegister EastronPower = MeterModels.Sdm630.Find(MeterQuantity.PowerTotal)!;
    private static readonly MeterRegister EastronImport = MeterModels.Sdm630.Find(MeterQuantity.EnergyImport)!;
    private static readonly MeterRegister EastronFrequency = MeterModels.Sdm630.Find(MeterQuantity.Frequency)!;

    private static long? Decode(MeterRegister register, params ushort[] words)
        => MeterDecoder.TryDecode(register, words, 0, out long value) ? value : null;

    private static ushort[] FloatWords(float value, WordOrder order = WordOrder.HighWordFirst)
    {
        uint bits = (uint)BitConverter.SingleToInt32Bits(value);
        return order == WordOrder.HighWordFirst ? [(ushort)(bits >> 16), (ushort)bits] : [(ushort)bits, (ushort)(bits >> 16)];
    }

    private static MeterRegister Custom(MeterQuantity quantity, RegisterDataType type, WordOrder order, int multiplier = 1, int divisor = 1)
        => new(quantity, MeterRegister.ReadInputRegisters, 0, type, order, multiplier, divisor);

    [Fact]
    public void A_float32_pair_high_word_first_decodes_to_the_target_unit()
    {
        // 230.0 V is IEEE-754 0x43660000: register 1 = 0x4366, register 2 = 0x0000.
        Assert.Equal(230_000, Decode(EastronVoltage, 0x4366, 0x0000));
        // 49.98 Hz is 0x4247EB85 (49.979999542236328125 Hz exactly): 49_980 mHz.
        Assert.Equal(49_980, Decode(EastronFrequency, 0x4247, 0xEB85));
    }

    [Fact]
    public void A_float32_pair_low_word_first_is_read_from_the_swapped_registers()
    {
        MeterRegister swapped = Custom(MeterQuantity.VoltageL1, RegisterDataType.Float32, WordOrder.LowWordFirst, 1000);

        Assert.Equal(230_000, Decode(swapped, 0x0000, 0x4366));
        Assert.Equal(Decode(EastronVoltage, FloatWords(229.8f)), Decode(swapped, FloatWords(229.8f, WordOrder.LowWordFirst)));
    }

    [Theory]
    [InlineData(0f, 0L)]
    [InlineData(0.001f, 1L)]               // 0.001000000047497451 kWh
    [InlineData(1234.567f, 1_234_567L)]    // 1234.5670166015625 kWh
    [InlineData(12345.678f, 12_345_678L)]  // 12345.677734375 kWh: the float holds .7777 Wh, rounds to ..678
    [InlineData(16384f, 16_384_000L)]
    [InlineData(16384.002f, 16_384_002L)]  // next float above 16384 kWh is 16384.001953125 kWh: 1.95 Wh steps
    [InlineData(999999.9f, 999_999_875L)]  // float holds 999999.875 kWh: 62.5 Wh steps near 10^6 kWh
    public void Float32_energy_in_kWh_becomes_exactly_the_Wh_the_float_holds(float kWh, long expectedWh)
    {
        Assert.Equal(expectedWh, Decode(EastronImport, FloatWords(kWh)));
    }

    [Fact]
    public void Float32_decoding_equals_multiplying_as_double_and_rounding_half_away_from_zero()
    {
        var random = new Random(7);
        for (int i = 0; i < 20_000; i++)
        {
            float kWh = (float)(random.NextDouble() * Math.Pow(10, random.Next(-3, 7)));
            long expected = (long)Math.Round((double)kWh * 1000.0, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, Decode(EastronImport, FloatWords(kWh)));
        }
    }

    [Theory]
    [InlineData(0.0625f, 63L)] // 62.5 Wh exactly: a tie, rounded away from zero
    [InlineData(0.0005f, 1L)]  // 0.000500000023749 kWh: just above the tie
    public void Float32_ties_round_half_away_from_zero(float kWh, long expectedWh)
    {
        Assert.Equal(expectedWh, Decode(EastronImport, FloatWords(kWh)));
    }

    [Theory]
    [InlineData(-0.5f, -1)]
    [InlineData(0.5f, 1)]
    [InlineData(-7404.25f, -7404)]
    [InlineData(-22080.5f, -22081)]
    public void Negative_power_is_export_and_decodes_with_its_sign(float watts, int expected)
    {
        Assert.Equal(expected, Decode(EastronPower, FloatWords(watts)));
    }

    [Theory]
    [InlineData(0x7FC00000u)] // quiet NaN
    [InlineData(0xFFC00000u)] // negative quiet NaN
    [InlineData(0x7F800001u)] // signalling NaN
    [InlineData(0x7F800000u)] // +infinity
    [InlineData(0xFF800000u)] // -infinity
    public void NaN_and_infinity_are_refused_for_energy_and_power(uint bits)
    {
        ushort[] words = [(ushort)(bits >> 16), (ushort)bits];

        Assert.Null(Decode(EastronImport, words));
        Assert.Null(Decode(EastronPower, words));
        Assert.Null(Decode(EastronVoltage, words));
    }

    [Fact]
    public void Negative_energy_voltage_and_frequency_are_refused_never_billed()
    {
        Assert.Null(Decode(EastronImport, FloatWords(-0.001f)));
        Assert.Null(Decode(EastronVoltage, FloatWords(-230f)));
        Assert.Null(Decode(EastronFrequency, FloatWords(-50f)));
    }

    [Fact]
    public void Values_that_do_not_fit_the_target_field_are_refused()
    {
        Assert.Null(Decode(EastronImport, FloatWords(float.MaxValue)));    // 3.4e38 kWh: beyond a long in Wh
        Assert.Null(Decode(EastronImport, FloatWords(1e16f)));             // 1e19 Wh > long.MaxValue
        Assert.Equal(8_999_999_815_811_072_000L, Decode(EastronImport, FloatWords(9e15f))); // the float holds 8999999815811072 kWh
        Assert.Null(Decode(EastronVoltage, FloatWords(3_000_000f)));      // 3e9 mV > int.MaxValue
        Assert.Null(Decode(EastronPower, FloatWords(-3e9f)));             // below int.MinValue W
    }

    [Fact]
    public void Zero_negative_zero_and_subnormal_floats_decode_to_zero()
    {
        Assert.Equal(0, Decode(EastronImport, 0x0000, 0x0000));
        Assert.Equal(0, Decode(EastronImport, 0x8000, 0x0000));
        Assert.Equal(0, Decode(EastronImport, 0x0000, 0x0001)); // smallest subnormal, 1.4e-45 kWh
        Assert.Equal(0, Decode(EastronPower, 0x8000, 0x0001));
    }

    [Fact]
    public void Int32_low_word_first_is_assembled_from_the_swapped_registers()
    {
        MeterRegister voltage = MeterModels.Em340.Find(MeterQuantity.VoltageL1)!; // INT32, weight V×10, LSW first

        Assert.Equal(230_100, Decode(voltage, 0x08FD, 0x0000));   // 2301 → 230.1 V
        Assert.Equal(6_553_600, Decode(voltage, 0x0000, 0x0001)); // 0x00010000 = 65536 → 6553.6 V: the high word is the second register
    }

    [Fact]
    public void Int32_scaling_of_0_1_W_rounds_half_away_from_zero_and_keeps_the_sign()
    {
        MeterRegister power = MeterModels.Em340.Find(MeterQuantity.PowerTotal)!; // INT32, weight W×10

        Assert.Equal(-1235, Decode(power, 0xCFC7, 0xFFFF));         // -12345 → -1234.5 W
        Assert.Equal(1235, Decode(power, 0x3039, 0x0000));          // 12345 → 1234.5 W
        Assert.Equal(-1, Decode(power, 0xFFFB, 0xFFFF));            // -5 → -0.5 W
        Assert.Equal(-214_748_365, Decode(power, 0x0000, 0x8000));  // int.MinValue / 10, rounded away from zero
    }

    [Fact]
    public void The_invalid_and_overflow_patterns_of_integer_registers_are_refused()
    {
        MeterRegister em340Import = MeterModels.Em340.Find(MeterQuantity.EnergyImport)!;
        MeterRegister abbVoltage = MeterModels.AbbB23.Find(MeterQuantity.VoltageL1)!;
        MeterRegister abbPower = MeterModels.AbbB23.Find(MeterQuantity.PowerTotal)!;
        MeterRegister abbFrequency = MeterModels.AbbB23.Find(MeterQuantity.Frequency)!;
        MeterRegister em340Frequency = MeterModels.Em340.Find(MeterQuantity.Frequency)!;
        MeterRegister abbImport = MeterModels.AbbB23.Find(MeterQuantity.EnergyImport)!;

        Assert.Null(Decode(em340Import, 0xFFFF, 0x7FFF));                  // 7FFFFFFFh: EM300 "EEE" overflow
        Assert.Null(Decode(abbVoltage, 0xFFFF, 0xFFFF));                   // unsigned all ones: ABB "invalid"
        Assert.Null(Decode(abbPower, 0x7FFF, 0xFFFF));                     // signed maximum: ABB "invalid"
        Assert.Null(Decode(abbFrequency, 0xFFFF));
        Assert.Null(Decode(em340Frequency, 0x7FFF));
        Assert.Null(Decode(abbImport, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF));    // export register of a Steel (import-only) B23
    }

    [Fact]
    public void A_64_bit_energy_register_in_0_01_kWh_decodes_to_Wh_up_to_the_largest_long()
    {
        MeterRegister import = MeterModels.AbbB23.Find(MeterQuantity.EnergyImport)!;

        Assert.Equal(0, Decode(import, 0, 0, 0, 0));
        Assert.Equal(1_234_567_890, Decode(import, 0x0000, 0x0000, 0x075B, 0xCD15)); // 123456789 × 0.01 kWh
        Assert.Equal(10, Decode(import, 0, 0, 0, 1));                                 // one step: 10 Wh
        // long.MaxValue / 10 = 922337203685477580 (0x0CCC_CCCC_CCCC_CCCC) still fits in Wh; one more does not.
        Assert.Equal(9_223_372_036_854_775_800, Decode(import, 0x0CCC, 0xCCCC, 0xCCCC, 0xCCCC));
        Assert.Null(Decode(import, 0x0CCC, 0xCCCC, 0xCCCC, 0xCCCD));
        Assert.Null(Decode(import, 0x8000, 0x0000, 0x0000, 0x0000));                  // above long.MaxValue raw
    }

    [Fact]
    public void A_64_bit_register_low_word_first_reads_the_most_significant_word_last()
    {
        MeterRegister swapped = Custom(MeterQuantity.EnergyImport, RegisterDataType.UInt64, WordOrder.LowWordFirst, 10);
        MeterRegister signed = Custom(MeterQuantity.PowerTotal, RegisterDataType.Int64, WordOrder.HighWordFirst, 1, 100);

        Assert.Equal(1_234_567_890, Decode(swapped, 0xCD15, 0x075B, 0x0000, 0x0000));
        Assert.Equal(-12_346, Decode(signed, 0xFFFF, 0xFFFF, 0xFFED, 0x2979));        // -1234567 × 0.01 W
        Assert.Null(Decode(signed, 0x7FFF, 0xFFFF, 0xFFFF, 0xFFFF));                  // signed maximum: invalid
    }

    [Fact]
    public void Sixteen_bit_registers_decode_signed_and_unsigned()
    {
        MeterRegister abbFrequency = MeterModels.AbbB23.Find(MeterQuantity.Frequency)!;  // UINT16, 0.01 Hz
        MeterRegister em340Frequency = MeterModels.Em340.Find(MeterQuantity.Frequency)!; // INT16, Hz×10

        Assert.Equal(50_020, Decode(abbFrequency, 5002));
        Assert.Equal(655_340, Decode(abbFrequency, 0xFFFE));
        Assert.Equal(50_000, Decode(em340Frequency, 500));
        Assert.Null(Decode(em340Frequency, 0xFFFF)); // -1: a negative frequency is garbage
    }

    [Fact]
    public void ABB_unsigned_and_signed_32_bit_values_take_their_resolution_exactly()
    {
        MeterRegister voltage = MeterModels.AbbB23.Find(MeterQuantity.VoltageL1)!; // 0.1 V
        MeterRegister current = MeterModels.AbbB23.Find(MeterQuantity.CurrentL1)!; // 0.01 A
        MeterRegister power = MeterModels.AbbB23.Find(MeterQuantity.PowerL2)!;     // 0.01 W, signed

        Assert.Equal(230_100, Decode(voltage, 0x0000, 0x08FD));
        Assert.Equal(16_050, Decode(current, 0x0000, 0x0645));
        Assert.Equal(-12_346, Decode(power, 0xFFED, 0x2979)); // -1234567 → -12345.67 W
        Assert.Equal(3_680, Decode(power, 0x0005, 0x9D80));   // 368000 → 3680.00 W
    }

    [Fact]
    public void A_block_too_short_for_the_register_or_a_bad_offset_is_refused()
    {
        Assert.False(MeterDecoder.TryDecode(EastronImport, new ushort[1], 0, out _));
        Assert.False(MeterDecoder.TryDecode(EastronImport, new ushort[4], 3, out _));
        Assert.False(MeterDecoder.TryDecode(EastronImport, new ushort[4], -1, out _));
        Assert.False(MeterDecoder.TryDecode(EastronImport, null!, 0, out _));
        Assert.True(MeterDecoder.TryDecode(EastronImport, new ushort[4], 2, out _));
    }

    [Fact]
    public void The_float32_step_passes_1_Wh_at_2_to_the_14_kWh_and_integer_registers_have_a_fixed_step()
    {
        Assert.Equal(1, MeterDecoder.ResolutionAt(EastronImport, 0));
        Assert.Equal(1, MeterDecoder.ResolutionAt(EastronImport, 8_191_999));      // 0.49 Wh
        Assert.Equal(1, MeterDecoder.ResolutionAt(EastronImport, 16_383_999));     // 0.98 Wh
        Assert.Equal(2, MeterDecoder.ResolutionAt(EastronImport, 16_384_000));     // 1.95 Wh
        Assert.Equal(2, MeterDecoder.ResolutionAt(EastronImport, 16_777_216));
        Assert.Equal(4, MeterDecoder.ResolutionAt(EastronImport, 32_768_000));     // 3.9 Wh
        Assert.Equal(63, MeterDecoder.ResolutionAt(EastronImport, 999_999_900));   // 62.5 Wh
        Assert.Equal(10, MeterDecoder.ResolutionAt(MeterModels.AbbB23.Find(MeterQuantity.EnergyImport)!, 123));
        Assert.Equal(100, MeterDecoder.ResolutionAt(MeterModels.Em340.Find(MeterQuantity.EnergyImport)!, 123));
        Assert.Equal(1, MeterDecoder.ResolutionAt(MeterModels.AbbB23.Find(MeterQuantity.PowerTotal)!, 5));
    }

    [Fact]
    public void The_float32_step_matches_the_distance_between_neighbouring_floats()
    {
        foreach (float kWh in new[] { 1f, 1000f, 8191f, 8192f, 16383f, 16384f, 65536f, 500000f })
        {
            float next = MathF.BitIncrement(kWh);
            long stepWh = (long)Math.Ceiling(((double)next - kWh) * 1000.0);
            Assert.Equal(Math.Max(1, stepWh), MeterDecoder.ResolutionAt(EastronImport, (long)(kWh * 1000.0)));
        }
    }

    [Fact]
    public void Decoding_allocates_nothing()
    {
        ushort[] block = [0x4366, 0x0000, 0x0000, 0x0000, 0x075B, 0xCD15];
        MeterRegister abbImport = MeterModels.AbbB23.Find(MeterQuantity.EnergyImport)!;
        MeterDecoder.TryDecode(EastronVoltage, block, 0, out _);
        MeterDecoder.TryDecode(abbImport, block, 2, out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (int i = 0; i < 10_000; i++)
        {
            MeterDecoder.TryDecode(EastronVoltage, block, 0, out long volts);
            MeterDecoder.TryDecode(abbImport, block, 2, out long wh);
            sum += volts + wh;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEqual(0, sum);
    }
}
