using System;
using Wallbox.Drivers.Modbus;

namespace Wallbox.Drivers.Tests.Modbus;

/// <summary>Steady-state polling allocates nothing (docs/architecture.md, rule 5).</summary>
public sealed class ModbusRtuMasterAllocationTests
{
    [Fact]
    public void A_thousand_requests_allocate_nothing_after_warm_up()
    {
        var bench = new ModbusBench();
        var read = ModbusBench.Read(ModbusFunction.ReadHoldingRegisters, 0, 20);
        var write = new ModbusRequest { SlaveAddress = 1, Function = ModbusFunction.WriteMultipleRegisters, Address = 500, Count = 4 };
        bench.Slave.BadCrcAnswers = 0;
        for (int i = 0; i < 50; i++)
        {
            RunOnce(bench, i % 5 == 0 ? write : read);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            if (i % 100 == 7)
            {
                bench.Slave.BadCrcAnswers = 1; // a retry now and then takes the error path too
            }

            RunOnce(bench, i % 5 == 0 ? write : read);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1050, bench.Master.Statistics.Completed);
        Assert.Equal(10, bench.Master.Statistics.DiscardedBadCrc);
        Assert.Equal(0, allocated);
    }

    private static void RunOnce(ModbusBench bench, ModbusRequest request)
    {
        if (!bench.Master.TrySubmit(request))
        {
            throw new InvalidOperationException("refused");
        }

        while (!request.IsFinished)
        {
            bench.Step();
        }

        request.Acknowledge();
    }
}
