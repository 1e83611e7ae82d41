namespace Wallbox.Hal.Simulation.Tests;

public sealed class SimulatedMeterTests
{
    [Fact]
    public void One_hour_at_16_A_on_three_phases_of_230_V_is_11_04_kWh()
    {
        var hw = new VirtualWallboxHardware();
        hw.Ev.PlugIn();
        hw.Ev.ForcedCurrentMa = 16000;
        hw.Ev.S2Closed = true;
        hw.Ev.AutomaticS2 = false;
        hw.ContactorCoil.Set(true);
        hw.Advance(100_000); // contactor closes; measurement starts now
        double startWh = hw.Meter.ImportWh;

        for (int i = 0; i < 3600; i++)
        {
            hw.Advance(1_000_000);
        }

        Assert.Equal(11040, hw.Meter.ImportWh - startWh, 0.5);
        Assert.Equal(16000, hw.Meter.PhaseCurrentMa(3));
        Assert.Equal(11040, hw.Meter.ActivePowerW, 0.01);
    }

    [Fact]
    public void Nothing_is_counted_while_the_contactor_is_open()
    {
        var hw = new VirtualWallboxHardware();
        hw.Ev.PlugIn();
        hw.Ev.ForcedCurrentMa = 16000;
        hw.Advance(3_600_000_000);

        Assert.Equal(0, hw.Meter.ImportWh);
    }
}
