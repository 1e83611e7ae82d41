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
    }

    [Fact]
    public void Starts_with_the_coil_off()
    {
        Assert.False(_hw.ContactorCoil.IsOn);
        Assert.False(_contactor.IsCommandedClosed);
    }

    [Fact]
    public void Closed_state_comes_from_the_feedback_contact_not_from_the_command()
    {
        _contactor.Close();
        _contactor.Tick(_hw.Clock.NowMs);
        Assert.True(_contactor.IsCommandedClosed);
        Assert.False(_contactor.IsClosed);

        _hw.Advance(_hw.Contactor.OperateTimeMs * 1000L);
        _contactor.Tick(_hw.Clock.NowMs);

        Assert.True(_contactor.IsClosed);
    }

    [Fact]
    public void Welded_contacts_still_read_closed_after_opening()
    {
        _contactor.Close();
        _hw.Advance(100_000);
        _hw.Contactor.IsWelded = true;

        _contactor.Open();
        _hw.Advance(100_000);
        _contactor.Tick(_hw.Clock.NowMs);

        Assert.False(_contactor.IsCommandedClosed);
        Assert.True(_contactor.IsClosed);
    }

    [Fact]
    public void Safe_state_opens_the_coil()
    {
        _contactor.Close();

        _contactor.EnterSafeState();

        Assert.False(_hw.ContactorCoil.IsOn);
    }
}
