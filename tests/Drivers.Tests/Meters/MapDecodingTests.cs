using System;
using System.Collections.Generic;
using System.Linq;
using Wallbox.Drivers.Meters;

namespace Wallbox.Drivers.Tests.Meters;

/// <summary>
/// Each map read end to end: values hand-encoded at the addresses and in the formats the datasheets give, polled
/// through the map's plan, decoded to the units of MeterReading.
/// </summary>
public sealed class MapDecodingTests
{
    private const byte Input = MeterRegister.ReadInputRegisters;
    private const byte Holding = MeterRegister.ReadHoldingRegisters;

    [Theory]
    [InlineData("SDM630")]
    [InlineData("SDM72DM")]
    public void A_three_phase_Eastron_reads_float32_input_registers_high_word_first(string name)
    {
        MeterRegisterMap map = MeterModels.Find(name)!;
        var image = new RegisterImage()
            .Words(Input, 0x0000, 0x4366, 0x0000)         // 30001 L1 230.0 V (datasheet-style hex pair)
            .Float(Input, 0x0002, 231.4f)                 // 30003
            .Float(Input, 0x0004, 229.9f)                 // 30005
            .Float(Input, 0x0006, 16.02f)                 // 30007
            .Float(Input, 0x0008, 15.98f)
            .Float(Input, 0x000A, 0f)
            .Float(Input, 0x000C, 3684.6f)                // 30013
            .Float(Input, 0x000E, 3697.1f)
            .Float(Input, 0x0010, -12.5f)                 // a phase exporting
            .Float(Input, 0x0034, 7369.2f)                // 30053 total system power
            .Float(Input, 0x0046, 49.98f)                 // 30071
            .Float(Input, 0x0048, 1234.567f)              // 30073 import kWh
            .Float(Input, 0x004A, 0.25f)                  // 30075 export kWh
            .Words(Holding, 0xFC00, 0x0135, 0x2D71);      // serial 20262257

        Assert.Equal(230_000, image.Read(map, MeterQuantity.VoltageL1));
        Assert.Equal(231_400, image.Read(map, MeterQuantity.VoltageL2));
        Assert.Equal(229_900, image.Read(map, MeterQuantity.VoltageL3));
        Assert.Equal(16_020, image.Read(map, MeterQuantity.CurrentL1));
        Assert.Equal(15_980, image.Read(map, MeterQuantity.CurrentL2));
        Assert.Equal(0, image.Read(map, MeterQuantity.CurrentL3));
        Assert.Equal(3_685, image.Read(map, MeterQuantity.PowerL1)); // 3684.60009765625 W
        Assert.Equal(3_697, image.Read(map, MeterQuantity.PowerL2));
        Assert.Equal(-13, image.Read(map, MeterQuantity.PowerL3));   // -12.5 W: away from zero
        Assert.Equal(7_369, image.Read(map, MeterQuantity.PowerTotal));
        Assert.Equal(49_980, image.Read(map, MeterQuantity.Frequency));
        Assert.Equal(1_234_567, image.Read(map, MeterQuantity.EnergyImport));
        Assert.Equal(250, image.Read(map, MeterQuantity.EnergyExport));
        Assert.Equal(20_262_257, image.Read(map, MeterQuantity.SerialNumber));
        Assert.Empty(image.UnsetReads); // contiguous reads only
    }

    [Theory]
    [InlineData("SDM120")]
    [InlineData("SDM230")]
    public void A_single_phase_Eastron_reads_voltage_current_power_frequency_and_both_energies(string name)
    {
        MeterRegisterMap map = MeterModels.Find(name)!;
        var image = new RegisterImage()
            .Float(Input, 0x0000, 236.9f)                 // 30001 voltage
            .Float(Input, 0x0006, 8.62f)                  // 30007 current
            .Float(Input, 0x000C, -1923.7f)               // 30013 active power, exporting
            .Float(Input, 0x0046, 50.0f)                  // 30071 frequency
            .Float(Input, 0x0048, 1551.374f)              // 30073 import kWh
            .Float(Input, 0x004A, 1335.694f)              // 30075 export kWh
            .Words(Holding, 0xFC00, 0x0000, 0x0001);

        Assert.Equal(1, map.PhaseCount);
        Assert.Equal(236_900, image.Read(map, MeterQuantity.VoltageL1));
        Assert.Equal(8_620, image.Read(map, MeterQuantity.CurrentL1));
        Assert.Equal(-1_924, image.Read(map, MeterQuantity.PowerTotal));
        Assert.Equal(50_000, image.Read(map, MeterQuantity.Frequency));
        Assert.Equal(1_551_374, image.Read(map, MeterQuantity.EnergyImport));
        Assert.Equal(1_335_694, image.Read(map, MeterQuantity.EnergyExport));
        Assert.Equal(1, image.Read(map, MeterQuantity.SerialNumber));
        Assert.Empty(image.UnsetReads);
    }

    [Fact]
    public void The_ABB_B23_reads_integer_holding_registers_with_their_fixed_resolutions()
    {
        MeterRegisterMap map = MeterModels.AbbB23;
        const WordOrder Hi = WordOrder.HighWordFirst;
        var image = new RegisterImage()
            .Bits64(Holding, 0x5000, 123_456_789, Hi)      // import 1234567.89 kWh (0.01 kWh)
            .Bits64(Holding, 0x5004, 0, Hi)                // export 0
            .Bits32(Holding, 0x5B00, 2301, Hi)             // L1-N 230.1 V (0.1 V)
            .Bits32(Holding, 0x5B02, 2299, Hi)
            .Bits32(Holding, 0x5B04, 2310, Hi)
            .Bits32(Holding, 0x5B0C, 1605, Hi)             // L1 16.05 A (0.01 A)
            .Bits32(Holding, 0x5B0E, 1599, Hi)
            .Bits32(Holding, 0x5B10, 1601, Hi)
            .Int32(Holding, 0x5B14, 1_107_654, Hi)         // total 11076.54 W (0.01 W)
            .Int32(Holding, 0x5B16, 369_321, Hi)
            .Int32(Holding, 0x5B18, 367_550, Hi)           // 3675.50 W: tie
            .Int32(Holding, 0x5B1A, -1_234_567, Hi)        // exporting
            .Words(Holding, 0x5B2C, 5002)                  // 50.02 Hz (0.01 Hz, UINT16)
            .Bits32(Holding, 0x8900, 7_123_456, Hi);       // serial number

        Assert.Equal(1_234_567_890, image.Read(map, MeterQuantity.EnergyImport));
        Assert.Equal(0, image.Read(map, MeterQuantity.EnergyExport));
        Assert.Equal(230_100, image.Read(map, MeterQuantity.VoltageL1));
        Assert.Equal(229_900, image.Read(map, MeterQuantity.VoltageL2));
        Assert.Equal(231_000, image.Read(map, MeterQuantity.VoltageL3));
        Assert.Equal(16_050, image.Read(map, MeterQuantity.CurrentL1));
        Assert.Equal(15_990, image.Read(map, MeterQuantity.CurrentL2));
        Assert.Equal(16_010, image.Read(map, MeterQuantity.CurrentL3));
        Assert.Equal(11_077, image.Read(map, MeterQuantity.PowerTotal));
        Assert.Equal(3_693, image.Read(map, MeterQuantity.PowerL1));
        Assert.Equal(3_676, image.Read(map, MeterQuantity.PowerL2));
        Assert.Equal(-12_346, image.Read(map, MeterQuantity.PowerL3));
        Assert.Equal(50_020, image.Read(map, MeterQuantity.Frequency));
        Assert.Equal(7_123_456, image.Read(map, MeterQuantity.SerialNumber));
    }

    [Fact]
    public void An_import_only_ABB_B23_reports_its_missing_export_register_as_invalid_not_as_zero()
    {
        var image = new RegisterImage()
            .Bits64(Holding, 0x5000, 42, WordOrder.HighWordFirst)
            .Bits64(Holding, 0x5004, ulong.MaxValue, WordOrder.HighWordFirst);

        Assert.Equal(420, image.Read(MeterModels.AbbB23, MeterQuantity.EnergyImport));
        Assert.Null(image.Read(MeterModels.AbbB23, MeterQuantity.EnergyExport));
    }

    [Fact]
    public void The_EM340_reads_INT32_low_word_first_with_the_weights_of_table_2_4_1()
    {
        MeterRegisterMap map = MeterModels.Em340;
        const WordOrder Lo = WordOrder.LowWordFirst;
        var image = new RegisterImage()
            .Int32(Input, 0x0000, 2301, Lo)               // V L1-N ×10
            .Int32(Input, 0x0002, 2299, Lo)
            .Int32(Input, 0x0004, 2310, Lo)
            .Int32(Input, 0x000C, 16_050, Lo)             // A L1 ×1000
            .Int32(Input, 0x000E, 15_990, Lo)
            .Int32(Input, 0x0010, 16_010, Lo)
            .Int32(Input, 0x0012, 36_933, Lo)             // W L1 ×10 → 3693.3 W
            .Int32(Input, 0x0014, 36_755, Lo)             // 3675.5 W: tie
            .Int32(Input, 0x0016, -123, Lo)               // -12.3 W
            .Int32(Input, 0x0028, 73_565, Lo)             // W sys 7356.5 W
            .Words(Input, 0x0033, 499)                    // Hz ×10, INT16
            .Int32(Input, 0x0034, 123_456, Lo)            // kWh(+) ×10 → 12345.6 kWh
            .Int32(Input, 0x004E, 7, Lo);                 // kWh(-) 0.7 kWh

        Assert.Equal(230_100, image.Read(map, MeterQuantity.VoltageL1));
        Assert.Equal(229_900, image.Read(map, MeterQuantity.VoltageL2));
        Assert.Equal(231_000, image.Read(map, MeterQuantity.VoltageL3));
        Assert.Equal(16_050, image.Read(map, MeterQuantity.CurrentL1));
        Assert.Equal(15_990, image.Read(map, MeterQuantity.CurrentL2));
        Assert.Equal(16_010, image.Read(map, MeterQuantity.CurrentL3));
        Assert.Equal(3_693, image.Read(map, MeterQuantity.PowerL1));
        Assert.Equal(3_676, image.Read(map, MeterQuantity.PowerL2));
        Assert.Equal(-12, image.Read(map, MeterQuantity.PowerL3));
        Assert.Equal(7_357, image.Read(map, MeterQuantity.PowerTotal));
        Assert.Equal(49_900, image.Read(map, MeterQuantity.Frequency));
        Assert.Equal(12_345_600, image.Read(map, MeterQuantity.EnergyImport));
        Assert.Equal(700, image.Read(map, MeterQuantity.EnergyExport));
        Assert.Null(map.Find(MeterQuantity.SerialNumber));
    }

    [Fact]
    public void An_EM340_whose_energy_overflowed_EEE_is_refused_and_its_largest_energy_still_decodes()
    {
        var overflow = new RegisterImage().Words(Input, 0x0034, 0xFFFF, 0x7FFF);
        var largest = new RegisterImage().Words(Input, 0x0034, 0xFFFE, 0x7FFF);

        Assert.Null(overflow.Read(MeterModels.Em340, MeterQuantity.EnergyImport));
        Assert.Equal(214_748_364_600, largest.Read(MeterModels.Em340, MeterQuantity.EnergyImport));
    }

    [Fact]
    public void The_PRO380_reads_float32_holding_registers_high_word_first_with_power_in_kW()
    {
        MeterRegisterMap map = MeterModels.Pro380;
        var image = new RegisterImage()
            .Words(Holding, 0x5002, 0x4366, 0x0000)       // L1 230.0 V, high word first
            .Float(Holding, 0x5004, 231.4f)
            .Float(Holding, 0x5006, 229.9f)
            .Float(Holding, 0x5008, 49.98f)               // Hz
            .Float(Holding, 0x500C, 16.02f)               // A
            .Float(Holding, 0x500E, 15.98f)
            .Float(Holding, 0x5010, 0f)
            .Words(Holding, 0x5012, 0x40EB, 0xD174)       // 7.369318 kW (float 0x40EBD174) → 7369 W
            .Float(Holding, 0x600C, 1234.567f)            // import kWh
            .Float(Holding, 0x6018, 0.25f);               // export kWh

        Assert.Equal(3, map.PhaseCount);
        Assert.Equal(230_000, image.Read(map, MeterQuantity.VoltageL1));
        Assert.Equal(231_400, image.Read(map, MeterQuantity.VoltageL2));
        Assert.Equal(229_900, image.Read(map, MeterQuantity.VoltageL3));
        Assert.Equal(49_980, image.Read(map, MeterQuantity.Frequency));
        Assert.Equal(16_020, image.Read(map, MeterQuantity.CurrentL1));
        Assert.Equal(15_980, image.Read(map, MeterQuantity.CurrentL2));
        Assert.Equal(0, image.Read(map, MeterQuantity.CurrentL3));
        Assert.Equal(7_369, image.Read(map, MeterQuantity.PowerTotal));
        Assert.Equal(1_234_567, image.Read(map, MeterQuantity.EnergyImport));
        Assert.Equal(250, image.Read(map, MeterQuantity.EnergyExport));
        Assert.Empty(image.UnsetReads); // contiguous reads only: no undocumented address is read
    }

    [Fact]
    public void The_PRO380_scales_kW_to_W_rounding_half_away_from_zero_and_reads_energy_at_the_float_boundary()
    {
        MeterRegisterMap map = MeterModels.Pro380;
        var image = new RegisterImage()
            .Float(Holding, 0x5012, -0.0125f)             // exporting: -12.500000186 W
            .Float(Holding, 0x600C, 16383.999f)           // just below 2^14 kWh: 1 Wh steps
            .Float(Holding, 0x6018, 16384f);              // 2^14 kWh exactly

        Assert.Equal(-13, image.Read(map, MeterQuantity.PowerTotal));
        Assert.Equal(16_383_999, image.Read(map, MeterQuantity.EnergyImport));
        Assert.Equal(16_384_000, image.Read(map, MeterQuantity.EnergyExport));
    }

    [Fact]
    public void The_PRO380_refuses_a_NaN_energy_and_low_word_first_words_do_not_decode_to_the_value()
    {
        MeterRegisterMap map = MeterModels.Pro380;
        var nan = new RegisterImage().Words(Holding, 0x600C, 0x7FC0, 0x0000);
        var swapped = new RegisterImage().Float(Holding, 0x5002, 230.0f, WordOrder.LowWordFirst);

        Assert.Null(nan.Read(map, MeterQuantity.EnergyImport));
        Assert.NotEqual(230_000, swapped.Read(map, MeterQuantity.VoltageL1));
    }

    [Fact]
    public void The_PRO380_maps_no_per_phase_power_or_serial_and_polls_in_four_contiguous_reads()
    {
        MeterRegisterMap map = MeterModels.Pro380;
        foreach (MeterQuantity missing in new[]
                 {
                     MeterQuantity.PowerL1, MeterQuantity.PowerL2, MeterQuantity.PowerL3, MeterQuantity.SerialNumber,
                 })
        {
            Assert.Null(map.Find(missing));
        }

        MeterPollPlan plan = map.PlanPolls(8, includeSerialNumber: false)!;
        Assert.Equal(
            [(3, 0x5002, 8), (3, 0x500C, 8), (3, 0x600C, 2), (3, 0x6018, 2)],
            plan.Requests.Select(r => ((int)r.FunctionCode, r.StartAddress, r.Count)));
    }

    [Theory]
    [MemberData(nameof(MeterRegisterMapTests.MapNames), MemberType = typeof(MeterRegisterMapTests))]
    public void A_meter_reading_all_zero_registers_decodes_zero_for_every_quantity(string name)
    {
        MeterRegisterMap map = MeterModels.Find(name)!;
        var image = new RegisterImage();
        foreach (MeterRegister register in map.Registers)
        {
            image.Words(register.FunctionCode, register.Address, new ushort[register.RegisterCount]);
        }

        foreach (MeterRegister register in map.Registers)
        {
            Assert.Equal(0, image.Read(map, register.Quantity));
        }
    }
}
