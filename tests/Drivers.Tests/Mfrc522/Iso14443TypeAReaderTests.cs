using System;
using Wallbox.Drivers.Mfrc522;
using Wallbox.Hal.Simulation;
using Mfrc522Driver = Wallbox.Drivers.Mfrc522.Mfrc522;

namespace Wallbox.Drivers.Tests.Mfrc522;

/// <summary>ISO/IEC 14443-3 Type A detection (REQA, anticollision, SELECT, HLTA, WUPA) against simulated cards.</summary>
public sealed class Iso14443TypeAReaderTests
{
    private const int TickMs = 10;
    private readonly VirtualWallboxHardware _hw = new VirtualWallboxHardware();
    private readonly Iso14443TypeAReader _reader;

    public Iso14443TypeAReaderTests()
    {
        _reader = new Iso14443TypeAReader(new Mfrc522Driver(_hw.RfidSpi, Mfrc522RxGain.Gain48dB));
    }

    [Theory]
    [InlineData("A1B2C3D4", 0x0004, 0x08)] // single size, cascade level 1 (MIFARE Classic 1K)
    [InlineData("04A2B3C4D5E680", 0x0044, 0x00)] // double size, cascade levels 1-2 (MIFARE Ultralight)
    [InlineData("0811223344556677889A", 0x0084, 0x20)] // triple size, cascade levels 1-3
    public void Anticollision_and_SELECT_over_the_cascade_levels_of_ISO_IEC_14443_3_6_5_4_give_the_whole_UID(string uidHex, int atqa, byte sak)
    {
        var card = new VirtualCard(Convert.FromHexString(uidHex), "card") { Sak = sak };
        _hw.RfidField.Present(card);

        Run(300);

        Assert.True(_reader.CardPresent);
        Assert.Equal(uidHex, Convert.ToHexString(_reader.Uid, 0, _reader.UidLength));
        Assert.Equal(atqa, _reader.Atqa);
        Assert.Equal(sak, _reader.Sak);
        Assert.Equal(sak == 0x20, _reader.IsIso14443_4Compliant);
        Assert.Equal(1, _reader.SelectionCount);
        Assert.True(_hw.RfidChip.CardsInField[0].IsHalted, "HLTA after selection (ISO/IEC 14443-3 6.4.3)");
    }

    [Fact]
    public void Two_cards_in_the_field_collide_and_bit_oriented_anticollision_selects_one_of_them_ISO_IEC_14443_3_6_5_3()
    {
        // UIDs differ first in bit 3 of byte 1 (bit 11): the reader resolves by taking the 1 branch.
        var a = VirtualCard.FromHex("11223355");
        var b = VirtualCard.FromHex("112A3344");
        _hw.RfidField.Present(a);
        _hw.RfidField.PresentAlso(b);

        Run(300);

        Assert.True(_reader.CardPresent);
        Assert.Equal("112A3344", Convert.ToHexString(_reader.Uid, 0, _reader.UidLength));
        Assert.Equal(1, _reader.SelectionCount);
        Assert.Equal(1, _hw.RfidChip.CollisionCount); // equal ATQAs; the UIDs collide once, at bit 11
    }

    [Fact]
    public void Two_seven_byte_cards_differing_only_at_cascade_level_2_are_resolved_there()
    {
        _hw.RfidField.Present(VirtualCard.FromHex("04A2B3C4D5E680"));
        _hw.RfidField.PresentAlso(VirtualCard.FromHex("04A2B3C4D5E681"));

        Run(300);

        Assert.Equal("04A2B3C4D5E681", Convert.ToHexString(_reader.Uid, 0, _reader.UidLength));
        Assert.True(_hw.RfidChip.CollisionCount >= 1);
    }

    [Fact]
    public void No_card_means_no_card_and_steady_polling_allocates_nothing()
    {
        Run(1000);
        long before = GC.GetAllocatedBytesForCurrentThread();

        Run(60_000);

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(_reader.CardPresent);
        Assert.False(_reader.ReaderFailed);
        Assert.Equal(0, _reader.UidLength);
        Assert.Equal(0, allocated);
        Assert.True(_hw.RfidChip.TransceiveCount > 400, "REQA every " + Iso14443TypeAReader.PollIntervalMs + " ms");
    }

    [Fact]
    public void Each_tick_is_one_short_step_a_REQA_answer_is_read_at_a_later_tick()
    {
        _hw.RfidField.Present(VirtualCard.FromHex("A1B2C3D4"));
        _reader.Tick(_hw.Clock.NowMs); // soft reset
        _reader.Tick(_hw.Clock.NowMs); // oscillator not yet up: nothing waits
        Assert.Equal(Iso14443TypeAReaderState.Resetting, _reader.State);
        _hw.Clock.AdvanceMs(1);
        _reader.Tick(_hw.Clock.NowMs); // configured
        _reader.Tick(_hw.Clock.NowMs); // REQA sent
        Assert.Equal(Iso14443TypeAReaderState.WaitAtqa, _reader.State);
        _reader.Tick(_hw.Clock.NowMs); // the card's answer has not arrived yet
        Assert.Equal(Iso14443TypeAReaderState.WaitAtqa, _reader.State);
    }

    [Theory]
    [InlineData(0x00)] // MISO stuck low
    [InlineData(0x12)] // not an MFRC522 (clone chips report 0x88/0x12)
    public void A_wrong_VersionReg_is_a_reader_failure_datasheet_9_3_4_8(int version)
    {
        _hw.RfidChip.Version = (byte)version;

        Run(100);

        Assert.True(_reader.ReaderFailed);
        Assert.False(_reader.CardPresent);
    }

    [Fact]
    public void No_chip_on_the_bus_reads_0xFF_and_is_a_reader_failure_that_clears_when_the_chip_answers()
    {
        var chip = _hw.RfidSpi.Peripheral;
        _hw.RfidSpi.Peripheral = null;
        Run(200);
        Assert.True(_reader.ReaderFailed);

        _hw.RfidSpi.Peripheral = chip;
        Run(Iso14443TypeAReader.RetryAfterFailureMs + 100);

        Assert.False(_reader.ReaderFailed);
    }

    [Fact]
    public void A_chip_failing_during_operation_is_detected_at_the_next_poll()
    {
        Run(200);
        Assert.False(_reader.ReaderFailed);

        _hw.RfidChip.Version = 0x00;
        Run(Iso14443TypeAReader.PollIntervalMs + TickMs);

        Assert.True(_reader.ReaderFailed);
    }

    [Fact]
    public void A_held_card_stays_present_through_WUPA_presence_checks_and_is_selected_once()
    {
        _hw.RfidField.Present(VirtualCard.FromHex("A1B2C3D4"));

        Run(5000);

        Assert.True(_reader.CardPresent);
        Assert.Equal(1, _reader.SelectionCount);
    }

    [Fact]
    public void Card_removal_is_detected_within_MaxRemovalDetectionMs_by_unanswered_WUPA_after_HLTA()
    {
        _hw.RfidField.Present(VirtualCard.FromHex("04A2B3C4D5E680"));
        Run(300);
        Assert.True(_reader.CardPresent);

        _hw.RfidField.Remove();
        int elapsed = 0;
        while (_reader.CardPresent && elapsed <= Iso14443TypeAReader.MaxRemovalDetectionMs + TickMs)
        {
            Run(TickMs);
            elapsed += TickMs;
        }

        Assert.False(_reader.CardPresent);
        Assert.True(elapsed <= Iso14443TypeAReader.MaxRemovalDetectionMs + TickMs, "removed after " + elapsed + " ms");
        Assert.Equal(1, _reader.RemovalCount);
        Assert.Equal(0, _reader.UidLength);
    }

    [Fact]
    public void A_card_presented_again_after_removal_is_selected_again()
    {
        var card = VirtualCard.FromHex("A1B2C3D4");
        _hw.RfidField.Present(card);
        Run(300);
        _hw.RfidField.Remove();
        Run(500);

        _hw.RfidField.Present(card);
        Run(300);

        Assert.True(_reader.CardPresent);
        Assert.Equal(2, _reader.SelectionCount);
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
