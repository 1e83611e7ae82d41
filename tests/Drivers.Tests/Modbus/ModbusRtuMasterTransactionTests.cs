using System.Linq;
using Wallbox.Drivers.Modbus;

namespace Wallbox.Drivers.Tests.Modbus;

/// <summary>Normal transactions against the scripted slave: FC03, FC04, FC06, FC16 (Application Protocol V1.1b3 §6).</summary>
public sealed class ModbusRtuMasterTransactionTests
{
    private readonly ModbusBench _bench = new ModbusBench();

    [Fact]
    public void Read_holding_registers_sends_the_specified_frame_and_returns_the_registers()
    {
        var request = ModbusBench.Read(ModbusFunction.ReadHoldingRegisters, 0x006B, 3, slave: 1);

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        byte[] expected = { 0x01, 0x03, 0x00, 0x6B, 0x00, 0x03, 0, 0 };
        ushort crc = ScriptedModbusSlave.ReferenceCrc(expected, 6);
        expected[6] = (byte)crc;
        expected[7] = (byte)(crc >> 8);
        Assert.Equal(expected, _bench.Slave.LastRequestBytes());
        Assert.Equal(new ushort[] { _bench.Slave.Holding[0x6B], _bench.Slave.Holding[0x6C], _bench.Slave.Holding[0x6D] }, request.Registers.Take(3));
        Assert.Equal(1, request.Attempts);
        Assert.Equal(0, request.ExceptionCode);
        Assert.Equal((1, 1, 0, 0), (_bench.Master.Statistics.RequestsSent, _bench.Master.Statistics.Completed, _bench.Master.Statistics.Retries, _bench.Master.Statistics.BytesDiscarded));
        Assert.False(_bench.Master.IsBusy);
    }

    [Fact]
    public void Read_input_registers_reads_the_input_table_with_function_4()
    {
        var request = ModbusBench.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(4, _bench.Slave.LastRequest[1]);
        Assert.Equal(new ushort[] { 0xFFFF, 0xFFFE }, request.Registers.Take(2));
    }

    [Fact]
    public void The_largest_read_of_125_registers_completes_in_one_255_byte_response()
    {
        var request = ModbusBench.Read(ModbusFunction.ReadHoldingRegisters, 1000, ModbusRequest.MaxRegisters);

        double ms = _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(_bench.Slave.Holding.Skip(1000).Take(125), request.Registers);
        Assert.True(ms > 255 * 1.146, "a 255-byte answer takes 292 ms at 9600 8E1, not " + ms);
    }

    [Fact]
    public void Write_single_register_sets_the_value_and_is_confirmed_by_its_echo()
    {
        var request = new ModbusRequest { SlaveAddress = 1, Function = ModbusFunction.WriteSingleRegister, Address = 0x0001, Count = 1 };
        request.Registers[0] = 0x0003;

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(0x0003, _bench.Slave.Holding[1]);
        Assert.Equal(new byte[] { 0x01, 0x06, 0x00, 0x01, 0x00, 0x03 }, _bench.Slave.LastRequest.Take(6));
    }

    [Fact]
    public void Write_multiple_registers_sends_byte_count_and_values_and_is_confirmed_by_address_and_quantity()
    {
        var request = new ModbusRequest { SlaveAddress = 1, Function = ModbusFunction.WriteMultipleRegisters, Address = 0x0001, Count = 2 };
        request.Registers[0] = 0x000A;
        request.Registers[1] = 0x0102;

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(new ushort[] { 0x000A, 0x0102 }, _bench.Slave.Holding.Skip(1).Take(2));
        // V1.1b3 §6.12 example PDU: 10 00 01 00 02 04 00 0A 01 02.
        Assert.Equal(new byte[] { 0x01, 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02 }, _bench.Slave.LastRequest.Take(11));
        Assert.Equal(13, _bench.Slave.LastRequestLength);
    }

    [Fact]
    public void A_write_echo_that_does_not_match_the_request_fails_without_retrying()
    {
        _bench.Slave.WrongEchoAnswers = 1;
        var request = new ModbusRequest { SlaveAddress = 1, Function = ModbusFunction.WriteSingleRegister, Address = 7, Count = 1 };
        request.Registers[0] = 42;

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Failed, request.State);
        Assert.Equal(1, request.Attempts);
    }

    [Fact]
    public void Changing_a_request_while_it_is_in_flight_does_not_change_what_is_sent()
    {
        var request = new ModbusRequest { SlaveAddress = 1, Function = ModbusFunction.WriteSingleRegister, Address = 9, Count = 1 };
        request.Registers[0] = 5;
        Assert.True(_bench.Master.TrySubmit(request));
        request.Registers[0] = 6;
        request.Address = 10;

        _bench.RunUntilFinished(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(5, _bench.Slave.Holding[9]);
    }

    [Fact]
    public void Consecutive_requests_reuse_one_request_object_after_acknowledging_it()
    {
        var request = ModbusBench.Read(ModbusFunction.ReadHoldingRegisters, 0, 2);
        for (int i = 0; i < 5; i++)
        {
            request.Address = i * 10;
            _bench.Execute(request);
            Assert.Equal(ModbusRequestState.Completed, request.State);
            Assert.Equal(_bench.Slave.Holding[i * 10], request.Registers[0]);
            request.Acknowledge();
            Assert.Equal(ModbusRequestState.Idle, request.State);
        }

        Assert.Equal(5, _bench.Master.Statistics.Completed);
    }
}
