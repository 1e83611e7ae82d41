namespace Wallbox.Hal.Simulation.Tests;

public sealed class SimulatedContactorTests
{
    private readonly VirtualClock _clock = new VirtualClock();
    private readonly SimulatedDigitalOutput _coil;
    private readonly SimulatedDigitalInput _feedback = new SimulatedDigitalInput("fb");
    private readonly SimulatedContactor _contactor;

    public SimulatedContactorTests()
    {
        _coil = new SimulatedDigitalOutput(_clock, "coil");
        _contactor = new SimulatedContactor(_coil, _feedback);
    }

    [Fact]
    public void Contacts_close_after_the_operate_time_counted_from_the_coil_command()
    {
        _coil.Set(true);
        Step(_contactor.OperateTimeMs - 1);
        Assert.False(_contactor.ContactsClosed);

        Step(1);

        Assert.True(_contactor.ContactsClosed);
        Assert.True(_feedback.IsActive);
        Assert.Equal(_contactor.OperateTimeMs * 1000L, _contactor.ContactsChangedUs);
    }

    [Fact]
    public void Contacts_open_after_the_release_time()
    {
        _coil.Set(true);
        Step(100);
        _coil.Set(false);
        Step(_contactor.ReleaseTimeMs - 1);
        Assert.True(_contactor.ContactsClosed);

        Step(1);

        Assert.False(_contactor.ContactsClosed);
        Assert.Equal(1, _contactor.OpenCount);
    }

    [Fact]
    public void Welded_contacts_stay_closed_when_the_coil_drops()
    {
        _coil.Set(true);
        Step(100);
        _contactor.IsWelded = true;
        _coil.Set(false);
        Step(1000);

        Assert.True(_contactor.ContactsClosed);
        Assert.True(_feedback.IsActive);
    }

    [Fact]
    public void An_open_coil_never_pulls_in()
    {
        _contactor.CoilOpenCircuit = true;
        _coil.Set(true);
        Step(1000);

        Assert.False(_contactor.ContactsClosed);
    }

    [Fact]
    public void A_mains_cut_drops_the_contactor_out()
    {
        _coil.Set(true);
        Step(100);
        _contactor.MainsPresent = false;
        Step(_contactor.ReleaseTimeMs + 1); // the cut is seen at the next step, the release time runs from there

        Assert.False(_contactor.ContactsClosed);
    }

    private void Step(int ms)
    {
        for (int i = 0; i < ms; i++)
        {
            _clock.AdvanceMs(1);
            _contactor.Advance(_clock.NowUs);
        }

        if (ms == 0)
        {
            _contactor.Advance(_clock.NowUs);
        }
    }
}
