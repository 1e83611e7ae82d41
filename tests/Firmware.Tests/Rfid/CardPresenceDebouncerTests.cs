using Wallbox.Firmware.Rfid;

namespace Wallbox.Firmware.Tests.Rfid;

/// <summary>A card held in the field is one tap; removal for RemovalMs or another card makes a new one (issue 8 item 5).</summary>
public sealed class CardPresenceDebouncerTests
{
    private static readonly byte[] CardA = { 0x04, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC };
    private static readonly byte[] CardB = { 0x04, 0xA1, 0xB2, 0xC3 };

    [Fact]
    public void A_card_held_in_the_field_for_a_minute_is_presented_once()
    {
        var debouncer = new CardPresenceDebouncer();
        int presentations = 0;
        for (long t = 0; t <= 60_000; t += 100)
        {
            presentations += debouncer.CardSeen(CardA, 0, CardA.Length, t) ? 1 : 0;
        }

        Assert.Equal(1, presentations);
    }

    [Fact]
    public void Missed_polls_shorter_than_the_removal_time_do_not_make_a_second_presentation()
    {
        var debouncer = new CardPresenceDebouncer();
        Assert.True(debouncer.CardSeen(CardA, 0, 7, 0));
        Assert.False(debouncer.CardSeen(CardA, 0, 7, 499));
        Assert.False(debouncer.CardSeen(CardA, 0, 7, 998));
    }

    [Fact]
    public void The_same_card_is_presented_again_after_it_was_absent_for_the_removal_time()
    {
        var debouncer = new CardPresenceDebouncer();
        Assert.True(debouncer.CardSeen(CardA, 0, 7, 0));
        Assert.False(debouncer.CardSeen(CardA, 0, 7, 100));

        Assert.True(debouncer.CardSeen(CardA, 0, 7, 100 + CardPresenceDebouncer.DefaultRemovalMs));
    }

    [Fact]
    public void A_different_card_is_a_new_presentation_at_once_and_so_is_the_first_one_coming_back()
    {
        var debouncer = new CardPresenceDebouncer();
        Assert.True(debouncer.CardSeen(CardA, 0, 7, 0));
        Assert.True(debouncer.CardSeen(CardB, 0, 4, 100));
        Assert.True(debouncer.CardSeen(CardA, 0, 7, 200));
    }

    [Fact]
    public void UIDs_that_share_a_prefix_or_differ_in_one_byte_are_different_cards()
    {
        var debouncer = new CardPresenceDebouncer();
        Assert.True(debouncer.CardSeen(CardA, 0, 7, 0));
        Assert.True(debouncer.CardSeen(CardA, 0, 4, 100));
        byte[] oneByteOff = (byte[])CardA.Clone();
        oneByteOff[6] ^= 0x01;
        Assert.True(debouncer.CardSeen(oneByteOff, 0, 7, 200));
    }

    [Fact]
    public void The_caller_may_reuse_its_buffer_the_debouncer_keeps_its_own_copy()
    {
        var debouncer = new CardPresenceDebouncer();
        byte[] buffer = (byte[])CardA.Clone();
        Assert.True(debouncer.CardSeen(buffer, 0, 7, 0));
        buffer[0] = 0x08;

        Assert.False(debouncer.CardSeen(CardA, 0, 7, 100));
    }

    [Fact]
    public void After_a_reset_the_card_in_the_field_is_presented_again()
    {
        var debouncer = new CardPresenceDebouncer(300);
        Assert.True(debouncer.CardSeen(CardA, 0, 7, 0));
        debouncer.Reset();

        Assert.True(debouncer.CardSeen(CardA, 0, 7, 100));
    }

    [Fact]
    public void Empty_or_overlong_UIDs_are_never_presentations()
    {
        var debouncer = new CardPresenceDebouncer();
        Assert.False(debouncer.CardSeen(new byte[11], 0, 0, 0));
        Assert.False(debouncer.CardSeen(new byte[11], 0, 11, 0));
        Assert.False(debouncer.CardSeen(CardB, 2, 4, 0));
    }

    [Fact]
    public void Polling_a_held_card_does_not_allocate()
    {
        var debouncer = new CardPresenceDebouncer();
        debouncer.CardSeen(CardA, 0, 7, 0);
        long before = System.GC.GetAllocatedBytesForCurrentThread();
        for (long t = 100; t < 10_000; t += 100)
        {
            debouncer.CardSeen(CardA, 0, 7, t);
            debouncer.CardSeen(CardB, 0, 4, t);
        }

        Assert.Equal(before, System.GC.GetAllocatedBytesForCurrentThread());
    }
}
