namespace Wallbox.Hal.Simulation.Tests;

public sealed class VirtualEvTests
{
    private int _duty = 1000;
    private bool _power;
    private readonly VirtualEv _ev;

    public VirtualEvTests()
    {
        _ev = new VirtualEv(() => _duty, () => _power);
    }

    /// <summary>IEC 61851-1 Table A.8, interpretation by the vehicle.</summary>
    [Theory]
    [InlineData(0, 0)]
    [InlineData(29, 0)] // < 3 %: not allowed
    [InlineData(50, 0)] // 5 %: digital communication, no analog current
    [InlineData(75, 0)] // 7–8 %: not allowed
    [InlineData(80, 6000)] // 8 %: 6 A
    [InlineData(99, 6000)]
    [InlineData(100, 6000)] // 10 % × 0.6
    [InlineData(266, 15960)]
    [InlineData(533, 31980)]
    [InlineData(850, 51000)] // 85 %: 51 A
    [InlineData(851, 52750)] // (85.1 − 64) × 2.5
    [InlineData(960, 80000)] // 96 %: 80 A
    [InlineData(970, 80000)] // 97 %: 80 A
    [InlineData(971, 0)] // > 97 %: not allowed
    [InlineData(1000, 0)] // steady +12 V: no PWM
    public void Duty_cycle_is_read_as_Table_A8_says(int dutyPermille, int expectedMa)
    {
        Assert.Equal(expectedMa, VirtualEv.DecodeOfferMa(dutyPermille));
    }

    [Fact]
    public void EV_closes_S2_when_it_sees_an_offer_and_wants_energy()
    {
        _ev.PlugIn();
        _ev.Advance(0);
        Assert.False(_ev.S2Closed);

        _duty = 266;
        _ev.Advance(10_000);

        Assert.True(_ev.S2Closed);
    }

    [Fact]
    public void Drawn_current_ramps_towards_the_offer_only_while_powered()
    {
        _ev.PlugIn();
        _duty = 266;
        _ev.Advance(0);
        _ev.Advance(500_000);
        Assert.Equal(0, _ev.DrawnCurrentMa);

        _power = true;
        _ev.Advance(1_000_000); // 0.5 s at 10 A/s
        Assert.Equal(5000, _ev.DrawnCurrentMa);

        _ev.Advance(3_000_000);
        Assert.Equal(15960, _ev.DrawnCurrentMa);
    }

    [Fact]
    public void Drawn_current_is_limited_by_the_on_board_charger()
    {
        _ev.PlugIn();
        _ev.MaxCurrentMa = 10000;
        _duty = 533;
        _power = true;
        _ev.Advance(0);
        _ev.Advance(10_000_000);

        Assert.Equal(10000, _ev.DrawnCurrentMa);
    }

    [Fact]
    public void A_faulty_EV_ignores_a_lower_offer()
    {
        _ev.PlugIn();
        _duty = 533;
        _power = true;
        _ev.Advance(0);
        _ev.Advance(10_000_000);
        _ev.IgnoresOfferChanges = true;

        _duty = 100;
        _ev.Advance(20_000_000);

        Assert.Equal(31980, _ev.DrawnCurrentMa);
    }

    [Fact]
    public void Losing_power_drops_the_current_at_once()
    {
        _ev.PlugIn();
        _duty = 266;
        _power = true;
        _ev.Advance(0);
        _ev.Advance(5_000_000);

        _power = false;
        _ev.Advance(5_010_000);

        Assert.Equal(0, _ev.DrawnCurrentMa);
    }

    [Fact]
    public void A_full_battery_opens_S2()
    {
        _ev.PlugIn();
        _ev.BatteryCapacityWh = 100;
        _duty = 266;
        _power = true;
        _ev.Advance(0);
        for (long t = 0; t <= 600_000_000; t += 100_000)
        {
            _ev.Advance(t);
        }

        Assert.False(_ev.S2Closed);
        Assert.False(_ev.WantsToCharge);
        Assert.InRange(_ev.ReceivedWh, 100, 101);
    }
}
