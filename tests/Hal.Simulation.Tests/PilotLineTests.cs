namespace Wallbox.Hal.Simulation.Tests;

/// <summary>IEC 61851-1 Annex A, Figure A.1 circuit with the nominal values of Tables A.1 and A.2.</summary>
public sealed class PilotLineTests
{
    private readonly PilotLine _line = new PilotLine();
    private readonly VirtualEv _ev = new VirtualEv(() => 1000, () => false) { AutomaticS2 = false };

    [Fact]
    public void Without_EV_the_line_follows_the_generator()
    {
        Assert.Equal(12000, _line.VoltageMv(12000, _ev));
        Assert.Equal(-12000, _line.VoltageMv(-12000, _ev));
    }

    [Fact]
    public void State_B_is_about_9_V_through_the_diode_and_R3()
    {
        _ev.PlugIn();

        Assert.Equal(8979, _line.VoltageMv(12000, _ev)); // 0.7 + 11.3 × 2740 / 3740 = 8.9786 V
    }

    [Fact]
    public void State_C_is_about_6_V_with_R2_of_1300_ohm()
    {
        _ev.PlugIn();
        _ev.S2Closed = true;

        Assert.Equal(5995, _line.VoltageMv(12000, _ev)); // 0.7 + 11.3 × (2740 ∥ 1300) / (1000 + 2740 ∥ 1300)
    }

    [Fact]
    public void State_D_is_about_3_V_with_R2_of_270_ohm()
    {
        _ev.PlugIn();
        _ev.S2Closed = true;
        _ev.RequiresVentilation = true;

        Assert.Equal(2929, _line.VoltageMv(12000, _ev)); // 0.7 + 11.3 × (2740 ∥ 270) / (1000 + 2740 ∥ 270) = 2.9294 V
    }

    [Fact]
    public void The_EV_diode_blocks_the_negative_half()
    {
        _ev.PlugIn();
        _ev.S2Closed = true;

        Assert.Equal(-12000, _line.VoltageMv(-12000, _ev));
    }

    [Fact]
    public void A_shorted_diode_lets_the_negative_half_through_the_resistors()
    {
        _ev.PlugIn();
        _ev.DiodeShorted = true;

        Assert.Equal(-8791, _line.VoltageMv(-12000, _ev)); // −12 × 2740 / 3740
        Assert.Equal(8791, _line.VoltageMv(12000, _ev));
    }

    [Fact]
    public void A_pilot_shorted_to_PE_reads_0_V()
    {
        _ev.PlugIn();
        _ev.PilotShortedToPe = true;

        Assert.Equal(0, _line.VoltageMv(12000, _ev));
        Assert.Equal(0, _line.VoltageMv(-12000, _ev));
    }
}
