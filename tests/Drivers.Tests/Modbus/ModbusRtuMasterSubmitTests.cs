using Wallbox.Drivers.Modbus;

namespace Wallbox.Drivers.Tests.Modbus;

/// <summary>What the master accepts (Application Protocol V1.1b3 §6 quantities, Serial Line V1.02 §2.2 addresses) and the request life cycle.</summary>
public sealed class ModbusRtuMasterSubmitTests
{
    private readonly ModbusBench _bench = new ModbusBench();

    [Theory]
    [InlineData(1, ModbusFunction.ReadHoldingRegisters, 0, 1)]
    [InlineData(247, ModbusFunction.ReadHoldingRegisters, 0, 125)]
    [InlineData(1, ModbusFunction.ReadInputRegisters, 65535, 1)]
    [InlineData(1, ModbusFunction.WriteSingleRegister, 65535, 1)]
    [InlineData(1, ModbusFunction.WriteMultipleRegisters, 0, 123)]
    public void Valid_requests_are_accepted(byte slave, ModbusFunction function, int address, int count)
    {
        var request = new ModbusRequest { SlaveAddress = slave, Function = function, Address = address, Count = count };
        Assert.True(_bench.Master.TrySubmit(request));
        Assert.Equal(ModbusRequestState.Queued, request.State);
        Assert.True(_bench.Master.IsBusy);
    }

    [Theory]
    [InlineData(0, ModbusFunction.ReadHoldingRegisters, 0, 1)]      // broadcast is not supported
    [InlineData(248, ModbusFunction.ReadHoldingRegisters, 0, 1)]    // reserved addresses
    [InlineData(1, ModbusFunction.ReadHoldingRegisters, 0, 0)]
    [InlineData(1, ModbusFunction.ReadInputRegisters, 0, 126)]
    [InlineData(1, ModbusFunction.WriteSingleRegister, 0, 2)]
    [InlineData(1, ModbusFunction.WriteMultipleRegisters, 0, 124)]
    [InlineData(1, ModbusFunction.ReadHoldingRegisters, 65535, 2)]  // past the last register address
    [InlineData(1, ModbusFunction.ReadHoldingRegisters, -1, 1)]
    [InlineData(1, (ModbusFunction)5, 0, 1)]
    public void Invalid_requests_are_refused_and_leave_the_master_idle(byte slave, ModbusFunction function, int address, int count)
    {
        var request = new ModbusRequest { SlaveAddress = slave, Function = function, Address = address, Count = count };
        Assert.False(_bench.Master.TrySubmit(request));
        Assert.Equal(ModbusRequestState.Idle, request.State);
        Assert.False(_bench.Master.IsBusy);
    }

    [Fact]
    public void Only_one_request_is_in_flight()
    {
        var first = ModbusBench.Read(ModbusFunction.ReadHoldingRegisters, 0, 1);
        var second = ModbusBench.Read(ModbusFunction.ReadHoldingRegisters, 1, 1);
        Assert.True(_bench.Master.TrySubmit(first));

        Assert.False(_bench.Master.TrySubmit(second));
        Assert.False(_bench.Master.TrySubmit(null));

        _bench.RunUntilFinished(first);
        Assert.True(_bench.Master.TrySubmit(second));
    }

    [Fact]
    public void A_request_goes_queued_then_awaiting_response_then_completed_and_back_to_idle_when_acknowledged()
    {
        var request = ModbusBench.Read(ModbusFunction.ReadHoldingRegisters, 0, 1);
        Assert.True(_bench.Master.TrySubmit(request));
        Assert.Equal(ModbusRequestState.Queued, request.State);
        Assert.False(request.IsFinished);
        while (request.State == ModbusRequestState.Queued)
        {
            _bench.Step();
        }

        Assert.Equal(ModbusRequestState.AwaitingResponse, request.State);
        request.Acknowledge(); // ignored while in flight
        Assert.Equal(ModbusRequestState.AwaitingResponse, request.State);
        _bench.RunUntilFinished(request);
        Assert.True(request.IsFinished);

        request.Acknowledge();

        Assert.Equal(ModbusRequestState.Idle, request.State);
    }

    [Fact]
    public void Closing_the_port_fails_the_request_in_flight()
    {
        var request = ModbusBench.Read(ModbusFunction.ReadHoldingRegisters, 0, 1);
        Assert.True(_bench.Master.TrySubmit(request));
        _bench.RunMs(15);

        _bench.Master.Close();

        Assert.Equal(ModbusRequestState.Failed, request.State);
        Assert.False(_bench.Master.IsBusy);
        Assert.False(_bench.Port.IsOpen);
    }

    [Fact]
    public void A_request_submitted_while_the_port_is_closed_fails_at_the_next_tick()
    {
        _bench.Master.Close();
        var request = ModbusBench.Read(ModbusFunction.ReadHoldingRegisters, 0, 1);
        Assert.True(_bench.Master.TrySubmit(request));

        _bench.Master.Tick(_bench.Clock.NowMs);

        Assert.Equal(ModbusRequestState.Failed, request.State);
        Assert.Equal(0, _bench.Master.Statistics.RequestsSent);
    }

    [Fact]
    public void Defaults_are_a_500_ms_response_timeout_and_two_retries()
    {
        Assert.Equal(500, _bench.Master.ResponseTimeoutMs);
        Assert.Equal(2, _bench.Master.Retries);
    }
}
