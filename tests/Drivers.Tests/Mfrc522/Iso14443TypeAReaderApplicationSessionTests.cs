using Wallbox.Drivers.Mfrc522;
using Wallbox.Drivers.Tests.IsoDep;
using Wallbox.Hal.Simulation;
using Mfrc522Driver = Wallbox.Drivers.Mfrc522.Mfrc522;

namespace Wallbox.Drivers.Tests.Mfrc522;

/// <summary>
/// The reader keeping an ISO/IEC 14443-4 card (SAK bit 0x20, ISO/IEC 14443-3 6.5.3.4) selected for its application
/// session instead of halting it, and giving it back to the presence checks.
/// </summary>
public sealed class Iso14443TypeAReaderApplicationSessionTests
{
    private const int TickMs = 10;
    private readonly VirtualWallboxHardware _hw = new VirtualWallboxHardware();
    private readonly Iso14443TypeAReader _reader;
    private readonly ScriptedCardApplication _app = new ScriptedCardApplication();

    public Iso14443TypeAReaderApplicationSessionTests()
    {
        _reader = new Iso14443TypeAReader(new Mfrc522Driver(_hw.RfidSpi, Mfrc522RxGain.Gain48dB));
    }

    [Fact]
    public void By_default_an_ISO_14443_4_card_is_halted_after_SELECT_like_any_card()
    {
        _hw.RfidField.Present(new IsoDepTestCard(_app));

        Run(300);

        Assert.True(_reader.CardPresent);
        Assert.False(_reader.CardAwaitingApplication);
        Assert.True(_reader.IsIso14443_4Compliant);
        Assert.True(_hw.RfidChip.CardsInField[0].IsHalted);
    }

    [Fact]
    public void With_the_option_an_ISO_14443_4_card_stays_selected_and_awaits_its_application_session()
    {
        _reader.KeepIso14443_4CardSelected = true;
        _hw.RfidField.Present(new IsoDepTestCard(_app));

        Run(300);

        Assert.True(_reader.CardPresent);
        Assert.True(_reader.CardAwaitingApplication);
        Assert.Equal(Iso14443TypeAReaderState.CardSelected, _reader.State);
        Assert.Equal(1, _reader.SelectionCount);
        Assert.Equal("04123456789ABC", System.Convert.ToHexString(_reader.Uid, 0, _reader.UidLength));
        Assert.True(_hw.RfidChip.CardsInField[0].IsActive, "no HLTA: the card is ACTIVE, ready for RATS");
        Assert.Same(_reader.Chip, _reader.Chip);
    }

    [Fact]
    public void With_the_option_a_UID_only_card_is_still_halted_after_SELECT()
    {
        _reader.KeepIso14443_4CardSelected = true;
        _hw.RfidField.Present(VirtualCard.FromHex("A1B2C3D4"));

        Run(300);

        Assert.True(_reader.CardPresent);
        Assert.False(_reader.CardAwaitingApplication);
        Assert.True(_hw.RfidChip.CardsInField[0].IsHalted);
    }

    [Fact]
    public void While_the_card_awaits_its_application_the_reader_leaves_the_chip_alone()
    {
        _reader.KeepIso14443_4CardSelected = true;
        _hw.RfidField.Present(new IsoDepTestCard(_app));
        Run(300);
        int transceives = _hw.RfidChip.TransceiveCount;

        Run(1000);

        Assert.Equal(transceives, _hw.RfidChip.TransceiveCount);
        Assert.True(_reader.CardAwaitingApplication);
    }

    [Fact]
    public void Releasing_without_DESELECT_halts_the_card_with_HLTA_and_the_presence_checks_go_on()
    {
        _reader.KeepIso14443_4CardSelected = true;
        _hw.RfidField.Present(new IsoDepTestCard(_app));
        Run(300);

        _reader.ReleaseCard(false, _hw.Clock.NowMs);
        Run(1000);

        Assert.False(_reader.CardAwaitingApplication);
        Assert.True(_reader.CardPresent);
        Assert.True(_hw.RfidChip.CardsInField[0].IsHalted);
        Assert.Equal(1, _reader.SelectionCount);
        Assert.Equal(Mfrc522Driver.TimeoutUs, _reader.Chip.ProgrammedTimeoutUs);
    }

    [Fact]
    public void The_reader_releases_a_card_itself_when_the_session_outlasts_ApplicationDeadlineMs()
    {
        _reader.KeepIso14443_4CardSelected = true;
        _hw.RfidField.Present(new IsoDepTestCard(_app));
        Run(300);
        Assert.True(_reader.CardAwaitingApplication);

        Run(Iso14443TypeAReader.ApplicationDeadlineMs - 400);
        Assert.True(_reader.CardAwaitingApplication);
        Run(600);

        Assert.False(_reader.CardAwaitingApplication);
        Assert.Equal(1, _reader.ApplicationDeadlineCount);
        Assert.True(_reader.CardPresent);
        Assert.True(_hw.RfidChip.CardsInField[0].IsHalted);
        Assert.Equal(1, _reader.SelectionCount);
    }

    [Fact]
    public void A_released_card_taken_away_is_detected_as_removed_and_selected_again_when_presented_again()
    {
        _reader.KeepIso14443_4CardSelected = true;
        var card = new IsoDepTestCard(_app);
        _hw.RfidField.Present(card);
        Run(300);
        _reader.ReleaseCard(false, _hw.Clock.NowMs);
        Run(200);

        _hw.RfidField.Remove();
        Run(Iso14443TypeAReader.MaxRemovalDetectionMs + 2 * TickMs);
        Assert.False(_reader.CardPresent);
        Assert.Equal(1, _reader.RemovalCount);

        _hw.RfidField.Present(card);
        Run(300);
        Assert.True(_reader.CardAwaitingApplication);
        Assert.Equal(2, _reader.SelectionCount);
    }

    [Fact]
    public void ReleaseCard_outside_an_application_session_does_nothing()
    {
        _hw.RfidField.Present(VirtualCard.FromHex("A1B2C3D4"));
        Run(300);
        Iso14443TypeAReaderState state = _reader.State;

        _reader.ReleaseCard(false, _hw.Clock.NowMs);

        Assert.Equal(state, _reader.State);
    }

    private void Run(int ms)
    {
        for (int t = 0; t < ms; t += TickMs)
        {
            _reader.Tick(_hw.Clock.NowMs);
            _hw.Clock.AdvanceMs(TickMs);
        }
    }
}
