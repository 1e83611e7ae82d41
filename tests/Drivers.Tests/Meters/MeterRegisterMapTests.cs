using System;
using System.Collections.Generic;
using System.Linq;
using Wallbox.Drivers.Meters;

namespace Wallbox.Drivers.Tests.Meters;

public sealed class MeterRegisterMapTests
{
    public static TheoryData<string> MapNames()
    {
        var names = new TheoryData<string>();
        foreach (MeterRegisterMap map in MeterModels.All)
        {
            names.Add(map.Name);
        }

        return names;
    }

    private static MeterRegisterMap Map(string name) => MeterModels.Find(name)!;

    [Theory]
    [MemberData(nameof(MapNames))]
    public void Registers_of_one_function_code_never_overlap_within_a_map(string name)
    {
        MeterRegister[] registers = Map(name).Registers;
        for (int i = 0; i < registers.Length; i++)
        {
            for (int j = i + 1; j < registers.Length; j++)
            {
                MeterRegister a = registers[i], b = registers[j];
                bool overlap = a.FunctionCode == b.FunctionCode && a.Address < b.EndAddress && b.Address < a.EndAddress;
                Assert.False(overlap, $"{name}: {a.Quantity} and {b.Quantity} overlap");
                Assert.NotEqual(a.Quantity, b.Quantity);
            }
        }
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void The_poll_plan_reads_every_register_exactly_once_within_the_request_limits(string name)
    {
        MeterRegisterMap map = Map(name);
        foreach (bool withSerial in new[] { true, false })
        {
            MeterPollPlan plan = map.PlanPolls(8, withSerial)!;
            Assert.NotNull(plan);
            Assert.InRange(plan.Requests.Length, 1, 8);

            var covered = new Dictionary<(byte, int), int>();
            foreach (MeterPollRequest request in plan.Requests)
            {
                Assert.Contains(request.FunctionCode, new byte[] { 3, 4 });
                Assert.InRange(request.Count, 1, Math.Min(125, map.MaxRegistersPerRequest));
                Assert.True(request.StartAddress + request.Count <= 0x10000);
                for (int i = 0; i < request.Count; i++)
                {
                    var key = (request.FunctionCode, request.StartAddress + i);
                    covered[key] = covered.GetValueOrDefault(key) + 1;
                }
            }

            Assert.All(covered.Values, reads => Assert.Equal(1, reads)); // no register read twice in a cycle
            for (int index = 0; index < map.Registers.Length; index++)
            {
                MeterRegister register = map.Registers[index];
                bool expected = withSerial || register.Quantity != MeterQuantity.SerialNumber;
                Assert.Equal(expected, plan.TryLocate(index, out int request, out int offset));
                if (!expected)
                {
                    continue;
                }

                MeterPollRequest read = plan.Requests[request];
                Assert.Equal(register.FunctionCode, read.FunctionCode);
                Assert.Equal(register.Address, read.StartAddress + offset);
                Assert.True(offset + register.RegisterCount <= read.Count);
                Assert.True(read.Count <= plan.LargestRequest);
            }
        }
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void A_plan_is_refused_when_it_needs_more_requests_than_allowed(string name)
    {
        MeterRegisterMap map = Map(name);
        int needed = map.PlanPolls(100, false)!.Requests.Length;

        Assert.NotNull(map.PlanPolls(needed, false));
        Assert.Null(map.PlanPolls(needed - 1, false));
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void Unmapped_registers_read_between_two_values_never_exceed_what_the_meter_allows(string name)
    {
        MeterRegisterMap map = Map(name);
        MeterPollPlan plan = map.PlanPolls(8, true)!;
        foreach (MeterPollRequest request in plan.Requests)
        {
            int unmappedRun = 0;
            for (int address = request.StartAddress; address < request.StartAddress + request.Count; address++)
            {
                bool mapped = map.Registers.Any(r => r.FunctionCode == request.FunctionCode && r.Address <= address && address < r.EndAddress);
                unmappedRun = mapped ? 0 : unmappedRun + 1;
                Assert.True(unmappedRun <= map.MaxGapRegisters, $"{name} reads unmapped register 0x{address:X4}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void Every_map_has_the_quantities_billing_and_protection_need_for_its_phases(string name)
    {
        MeterRegisterMap map = Map(name);

        Assert.NotNull(map.Find(MeterQuantity.EnergyImport));
        Assert.NotNull(map.Find(MeterQuantity.EnergyExport));
        Assert.NotNull(map.Find(MeterQuantity.PowerTotal));
        Assert.NotNull(map.Find(MeterQuantity.Frequency));
        MeterQuantity[] voltages = [MeterQuantity.VoltageL1, MeterQuantity.VoltageL2, MeterQuantity.VoltageL3];
        MeterQuantity[] currents = [MeterQuantity.CurrentL1, MeterQuantity.CurrentL2, MeterQuantity.CurrentL3];
        for (int phase = 0; phase < 3; phase++)
        {
            Assert.Equal(phase < map.PhaseCount, map.Find(voltages[phase]) != null);
            Assert.Equal(phase < map.PhaseCount, map.Find(currents[phase]) != null);
        }

        Assert.False(string.IsNullOrEmpty(map.Source));
        Assert.InRange(map.MaxRegistersPerRequest, 1, 125);
    }

    [Fact]
    public void The_SDM630_is_polled_in_three_contiguous_input_register_reads_plus_one_for_its_serial_number()
    {
        MeterPollPlan plan = MeterModels.Sdm630.PlanPolls(8, true)!;

        Assert.Equal(
            [(3, 0xFC00, 2), (4, 0x0000, 18), (4, 0x0034, 2), (4, 0x0046, 6)],
            plan.Requests.Select(r => ((int)r.FunctionCode, r.StartAddress, r.Count)));
    }

    [Fact]
    public void The_ABB_B23_reads_its_energy_and_its_instantaneous_block_in_two_holding_register_reads()
    {
        MeterPollPlan plan = MeterModels.AbbB23.PlanPolls(8, false)!;

        Assert.Equal([(3, 0x5000, 8), (3, 0x5B00, 45)], plan.Requests.Select(r => ((int)r.FunctionCode, r.StartAddress, r.Count)));
    }

    [Fact]
    public void The_EM340_bridges_gaps_inside_its_table_but_stays_within_50_registers_per_read()
    {
        MeterPollPlan plan = MeterModels.Em340.PlanPolls(8, false)!;

        Assert.Equal([(4, 0x0000, 42), (4, 0x0033, 29)], plan.Requests.Select(r => ((int)r.FunctionCode, r.StartAddress, r.Count)));
    }

    [Fact]
    public void A_map_refuses_overlapping_registers_a_quantity_mapped_twice_and_registers_larger_than_a_request()
    {
        MeterRegister a = new(MeterQuantity.VoltageL1, 4, 0x0000, RegisterDataType.Float32, WordOrder.HighWordFirst, 1000, 1);
        MeterRegister overlapping = new(MeterQuantity.VoltageL2, 4, 0x0001, RegisterDataType.Float32, WordOrder.HighWordFirst, 1000, 1);
        MeterRegister otherFunction = new(MeterQuantity.VoltageL2, 3, 0x0001, RegisterDataType.Float32, WordOrder.HighWordFirst, 1000, 1);
        MeterRegister twice = new(MeterQuantity.VoltageL1, 4, 0x0010, RegisterDataType.Float32, WordOrder.HighWordFirst, 1000, 1);
        MeterRegister wide = new(MeterQuantity.EnergyImport, 3, 0x0100, RegisterDataType.UInt64, WordOrder.HighWordFirst, 10, 1);

        Assert.Throws<ArgumentException>(() => Make(2, a, overlapping));
        Assert.Throws<ArgumentException>(() => Make(2, a, twice));
        Assert.Throws<ArgumentException>(() => Make(2, a, wide));
        Assert.NotNull(Make(2, a, otherFunction)); // same address, other register space
    }

    [Fact]
    public void A_register_refuses_function_codes_other_than_3_and_4_addresses_past_0xFFFF_and_non_positive_factors()
    {
        Assert.Throws<ArgumentException>(() => new MeterRegister(MeterQuantity.PowerTotal, 6, 0, RegisterDataType.Int32, WordOrder.HighWordFirst, 1, 1));
        Assert.Throws<ArgumentException>(() => new MeterRegister(MeterQuantity.PowerTotal, 3, 0xFFFF, RegisterDataType.Int32, WordOrder.HighWordFirst, 1, 1));
        Assert.Throws<ArgumentException>(() => new MeterRegister(MeterQuantity.PowerTotal, 3, 0, RegisterDataType.Int32, WordOrder.HighWordFirst, 0, 1));
        Assert.Throws<ArgumentException>(() => new MeterRegister(MeterQuantity.PowerTotal, 3, 0, RegisterDataType.Int32, WordOrder.HighWordFirst, 1, 0));
    }

    private static MeterRegisterMap Make(int maxRegisters, params MeterRegister[] registers)
        => new("TEST", "test", "none", 1, maxRegisters, 0, 1, long.MaxValue, registers);
}
