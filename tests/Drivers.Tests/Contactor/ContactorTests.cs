using Wallbox.Drivers.Contactor;
using Wallbox.Hal.Simulation;
using ContactorDriver = Wallbox.Drivers.Contactor.Contactor;

namespace Wallbox.Drivers.Tests.Contactor;

public sealed class ContactorTests
{
    private readonly VirtualWallboxHardware _hw = new VirtualWallboxHardware();
    private readonly ContactorDriver _contactor;

    public ContactorTests()
    {
        _contactor = new ContactorDriver(_hw.ContactorCoil, _hw.ContactorFeedback);
        Step(0);
    }

    [Fact]
    public void Starts_open_with_the_coil_off()
    {
        Assert.False(_hw.ContactorCoil.IsOn);
        Assert.Equal(ContactorStatus.Open, _contactor.Status);
    }

    [Fact]
    public void Closed_state_comes_from_the_feedback_contact_not_from_the_command()
    {
        _contactor.Close(_hw.Clock.NowMs);
        Step(0);
        Assert.Equal((true, false, ContactorStatus.Closing), (_contactor.IsCommandedClosed, _contactor.IsClosed, _contactor.Status));

        Step(_hw.Contactor.OperateTimeMs + 10);

        Assert.Equal((true, ContactorStatus.Closed), (_contactor.IsClosed, _contactor.Status));
    }

    [Fact]
    public void Welded_contacts_are_detected_after_an_opening()
    {
        _contactor.Close(_hw.Clock.NowMs);
        Step(100);
        _hw.Contactor.IsWelded = true;

        _contactor.Open(_hw.Clock.NowMs);
        Step(ContactorDriver.FeedbackTimeoutMs - 10);
        Assert.Equal(ContactorStatus.Opening, _contactor.Status);
        Step(10);

        Assert.Equal(ContactorStatus.Welded, _contactor.Status);
    }

    [Fact]
    public void Welded_contacts_are_detected_at_power_up()
    {
        _hw.ContactorFeedback.StuckAt = true;
        var fresh = new ContactorDriver(_hw.ContactorCoil, _hw.ContactorFeedback);
        fresh.Tick(_hw.Clock.NowMs);
        _hw.Advance((ContactorDriver.FeedbackTimeoutMs + 10) * 1000L);
        fresh.Tick(_hw.Clock.NowMs);

        Assert.Equal(ContactorStatus.Welded, fresh.Status);
    }

    [Fact]
    public void A_coil_that_does_not_pull_in_is_reported()
    {
        _hw.Contactor.CoilOpenCircuit = true;
        _contactor.Close(_hw.Clock.NowMs);
        Step(ContactorDriver.FeedbackTimeoutMs + 10);

        Assert.Equal(ContactorStatus.FailedToClose, _contactor.Status);
    }

    [Fact]
    public void Safe_state_releases_the_coil()
    {
        _contactor.Close(_hw.Clock.NowMs);

        _contactor.EnterSafeState();

        Assert.False(_hw.ContactorCoil.IsOn);
    }

    private void Step(int ms)
    {
        int steps = ms / 10;
        for (int i = 0; i < steps; i++)
        {
            _hw.Advance(10_000);
            _contactor.Tick(_hw.Clock.NowMs);
        }

        if (steps == 0)
        {
            _hw.Advance(0);
            _contactor.Tick(_hw.Clock.NowMs);
        }
    }
}
