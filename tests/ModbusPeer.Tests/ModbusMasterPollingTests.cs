using System.Collections.Generic;
using System.Linq;
using Wallbox.Drivers.Modbus;
using Wallbox.Hal;
using Wallbox.Tests.Peers;
using Xunit.Abstractions;

namespace Wallbox.ModbusPeer.Tests;

/// <summary>
/// Our Modbus RTU master (drivers/Modbus) polling libmodbus playing an SDM630 and an ABB B23/B24 over a socat pty pair
/// through the host serial port, in real time. The values are decoded here by hand.
/// </summary>
[Collection(ModbusLineCollection.Name)]
public sealed class ModbusMasterPollingTests
{
    private readonly ITestOutputHelper _output;

    public ModbusMasterPollingTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Polls_the_SDM630_map_float32_input_registers_high_word_first()
    {
        using ModbusLine line = ModbusLine.Start(new ModbusServerOptions
        {
            Map = ModbusMeterMap.Sdm630,
            EnergyWh = 1234567,
            ExportWh = 890,
            VoltageV = 231.5,
            CurrentA = 16.25,
            PowerW = 11250,
            FrequencyHz = 49.98,
            Serial = 20240001,
        });

        ModbusRequest phases = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 18);
        Assert.Equal(ModbusRequestState.Completed, phases.State);
        ushort[] r = phases.Registers;
        for (int p = 0; p < 3; p++)
        {
            Assert.Equal(231.5f, ModbusLine.Float(r, 0 + (2 * p)));
            Assert.Equal(16.25f, ModbusLine.Float(r, 6 + (2 * p)));
            Assert.Equal(3750f, ModbusLine.Float(r, 12 + (2 * p)));
        }

        Assert.Equal(11250f, ModbusLine.Float(line.Read(ModbusFunction.ReadInputRegisters, 0x0034, 2).Registers, 0));

        ModbusRequest energy = line.Read(ModbusFunction.ReadInputRegisters, 0x0046, 6);
        Assert.Equal(ModbusRequestState.Completed, energy.State);
        Assert.Equal(49.98f, ModbusLine.Float(energy.Registers, 0));
        Assert.Equal((float)1234.567, ModbusLine.Float(energy.Registers, 2));
        Assert.Equal((float)0.890, ModbusLine.Float(energy.Registers, 4));
        Assert.Equal((float)1235.457, ModbusLine.Float(line.Read(ModbusFunction.ReadInputRegisters, 0x0156, 2).Registers, 0));

        ModbusRequest serial = line.Read(ModbusFunction.ReadHoldingRegisters, 0xFC00, 2);
        Assert.Equal(20240001u, ModbusLine.UInt32(serial.Registers, 0));

        // The meter counts on: the next poll sees the new value (float32 keeps ~7 digits: 1234.6 kWh exactly enough).
        line.Server.SetEnergyWh(1234600);
        Assert.Equal((float)1234.6, ModbusLine.Float(line.Read(ModbusFunction.ReadInputRegisters, 0x0048, 2).Registers, 0));

        // Negative export power is a negative float.
        line.Server.Set("power", -7200);
        Assert.Equal(-7200f, ModbusLine.Float(line.Read(ModbusFunction.ReadInputRegisters, 0x0034, 2).Registers, 0));

        ModbusStatistics s = line.Master.Statistics;
        Assert.Equal(s.RequestsSent, s.Completed);
        Assert.Equal(0, s.Retries + s.Timeouts + s.Exceptions + s.DiscardedBadCrc + s.DiscardedBadLength + s.DiscardedWrongSlave);
        Assert.Empty(line.Server.EventsNamed("receive-error"));
    }

    [Fact]
    public void Polls_the_ABB_map_scaled_integers_in_holding_registers()
    {
        using ModbusLine line = ModbusLine.Start(new ModbusServerOptions
        {
            Map = ModbusMeterMap.Abb,
            EnergyWh = 1234567,
            ExportWh = 25,
            VoltageV = 229.9,
            CurrentA = 31.99,
            PowerW = -4500,
            FrequencyHz = 50.02,
            Serial = 7001234,
        });

        ModbusRequest energy = line.Read(ModbusFunction.ReadHoldingRegisters, 0x5000, 8);
        Assert.Equal(ModbusRequestState.Completed, energy.State);
        Assert.Equal(123456UL, ModbusLine.UInt64(energy.Registers, 0)); // 0.01 kWh: 1234567 Wh → 1234.56 kWh
        Assert.Equal(2UL, ModbusLine.UInt64(energy.Registers, 4));

        ushort[] v = line.Read(ModbusFunction.ReadHoldingRegisters, 0x5B00, 6).Registers;
        ushort[] i = line.Read(ModbusFunction.ReadHoldingRegisters, 0x5B0C, 6).Registers;
        ushort[] p = line.Read(ModbusFunction.ReadHoldingRegisters, 0x5B14, 8).Registers;
        for (int phase = 0; phase < 3; phase++)
        {
            Assert.Equal(2299u, ModbusLine.UInt32(v, 2 * phase)); // 0.1 V
            Assert.Equal(3199u, ModbusLine.UInt32(i, 2 * phase)); // 0.01 A
            Assert.Equal(-150000, ModbusLine.Int32(p, 2 + (2 * phase))); // 0.01 W, export negative
        }

        Assert.Equal(-450000, ModbusLine.Int32(p, 0));
        Assert.Equal(5002, line.Read(ModbusFunction.ReadHoldingRegisters, 0x5B2C, 1).Registers[0]); // 0.01 Hz
        Assert.Equal(7001234u, ModbusLine.UInt32(line.Read(ModbusFunction.ReadHoldingRegisters, 0x8900, 2).Registers, 0));

        // 64-bit energy beyond 32 bits: 2^40 × 0.01 kWh spans three registers.
        line.Server.SetEnergyWh(10L << 40);
        Assert.Equal(1UL << 40, ModbusLine.UInt64(line.Read(ModbusFunction.ReadHoldingRegisters, 0x5000, 4).Registers, 0));
        line.Server.SetEnergyWh(0);
        Assert.Equal(0UL, ModbusLine.UInt64(line.Read(ModbusFunction.ReadHoldingRegisters, 0x5000, 4).Registers, 0));
    }

    [Fact]
    public void Writes_single_and_multiple_registers_and_reads_them_back()
    {
        using ModbusLine line = ModbusLine.Start(new ModbusServerOptions { Map = ModbusMeterMap.Sdm630 });
        int mark = line.Server.EventCount;

        ModbusRequest single = ModbusLine.Request(ModbusFunction.WriteSingleRegister, 0x0030, 1);
        single.Registers[0] = 0xBEEF;
        Assert.Equal(ModbusRequestState.Completed, line.Execute(single).State);
        PeerEvent request = line.Server.WaitFor("request", mark);
        Assert.Equal(6, request.GetInteger("function"));
        Assert.Equal(0x0030, request.GetInteger("address"));
        Assert.Equal(0xBEEF, request.GetInteger("value"));

        // SDM630 settings are float32 pairs written with function 16: the Modbus address register (0x0014) = 7.
        ModbusRequest multiple = ModbusLine.Request(ModbusFunction.WriteMultipleRegisters, 0x0014, 2);
        uint bits = (uint)System.BitConverter.SingleToInt32Bits(7f);
        multiple.Registers[0] = (ushort)(bits >> 16);
        multiple.Registers[1] = (ushort)bits;
        Assert.Equal(ModbusRequestState.Completed, line.Execute(multiple).State);
        PeerEvent written = line.Server.WaitFor("request", request.Index + 1);
        Assert.Equal(16, written.GetInteger("function"));
        Assert.Equal(new long[] { bits >> 16, bits & 0xFFFF }, written["values"].AsArray().Select(n => (long)n).ToArray());

        Assert.Equal(0xBEEF, line.Read(ModbusFunction.ReadHoldingRegisters, 0x0030, 1).Registers[0]);
        Assert.Equal(7f, ModbusLine.Float(line.Read(ModbusFunction.ReadHoldingRegisters, 0x0014, 2).Registers, 0));
    }

    [Fact]
    public void Matching_parity_and_stop_bits_other_than_8N1_work()
    {
        foreach ((char parity, SerialParity masterParity, int stop) in new[] { ('E', SerialParity.Even, 1), ('O', SerialParity.Odd, 1), ('N', SerialParity.None, 2) })
        {
            SerialSettings settings = new SerialSettings(19200, 8, masterParity, stop == 2 ? SerialStopBits.Two : SerialStopBits.One);
            using ModbusLine line = ModbusLine.Start(new ModbusServerOptions { BaudRate = 19200, Parity = parity, StopBits = stop, VoltageV = 230 }, settings);
            ModbusRequest read = line.Read(ModbusFunction.ReadInputRegisters, 0, 2);
            Assert.True(read.State == ModbusRequestState.Completed, parity + " " + stop + ": " + read.State + "\n" + line.Describe());
            Assert.Equal(230f, ModbusLine.Float(read.Registers, 0));
            Assert.Empty(line.Server.EventsNamed("line-mismatch"));
        }
    }

    [Fact]
    public void Round_trip_times_of_polling_in_real_time()
    {
        using ModbusLine line = ModbusLine.Start(new ModbusServerOptions { Map = ModbusMeterMap.Sdm630, EnergyWh = 5000 });
        const int Polls = 200;
        List<double> wireMs = new List<double>();
        List<double> transactionMs = new List<double>();
        ModbusRequest request = ModbusLine.Request(ModbusFunction.ReadInputRegisters, 0x0000, 18);
        for (int n = 0; n < Polls; n++)
        {
            long submittedUs = line.Clock.NowUs;
            line.Execute(request);
            Assert.Equal(ModbusRequestState.Completed, request.State);
            request.Acknowledge();
            wireMs.Add((line.Port.LastReceiveUs - line.Timed.LastWriteUs) / 1000.0);
            transactionMs.Add((line.Clock.NowUs - submittedUs) / 1000.0);
        }

        Assert.Equal(Polls, line.Master.Statistics.Completed);
        Assert.Equal(Polls, line.Master.Statistics.RequestsSent);
        wireMs.Sort();
        transactionMs.Sort();
        _output.WriteLine("report: Modbus RTU master vs libmodbus over socat (9600 8N1 set, pty without baud timing; read of 18 input registers, "
            + Polls + " polls): request written → last response byte received median " + wireMs[Polls / 2].ToString("F2") + " ms, 95th percentile "
            + wireMs[Polls * 95 / 100].ToString("F2") + " ms, max " + wireMs[^1].ToString("F2") + " ms; submit → completed (includes the t3.5 = "
            + (ModbusRtuTiming.InterFrameDelayUs(line.Port.Settings) / 1000.0).ToString("F2") + " ms silence before sending) median "
            + transactionMs[Polls / 2].ToString("F2") + " ms, max " + transactionMs[^1].ToString("F2") + " ms");
    }
}
