using System;
using Wallbox.Firmware.Storage;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Storage;

public sealed class PersistentRecordTests
{
    private const string Base = @"I:\rec";
    private readonly VirtualClock _clock = new VirtualClock();
    private readonly SimulatedFileStore _store = new SimulatedFileStore();

    [Fact]
    public void First_boot_loads_nothing_and_the_first_save_goes_to_slot_A()
    {
        PersistentRecord record = Load();
        Assert.False(record.HasValue);

        Save(record, 1, 2, 3);

        Assert.NotNull(_store.ReadFileDirect(Base + ".a"));
        Assert.Null(_store.ReadFileDirect(Base + ".b"));
        Assert.Equal(new byte[] { 1, 2, 3 }, Value(Load()));
    }

    [Fact]
    public void Saves_alternate_between_slots_and_the_newest_wins()
    {
        PersistentRecord record = Load();
        Save(record, 1);
        Save(record, 2);
        Save(record, 3);

        PersistentRecord reloaded = Load();

        Assert.Equal(new byte[] { 3 }, Value(reloaded));
        Assert.Equal(3u, reloaded.Sequence);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(16)]
    public void A_write_torn_at_any_byte_leaves_the_previous_value(int keptBytes)
    {
        PersistentRecord record = Load();
        Save(record, 1, 1, 1);
        Save(record, 2, 2, 2);
        byte[] newest = _store.ReadFileDirect(Base + ".b");
        Save(record, 3, 3, 3); // goes to slot A …
        byte[] full = _store.ReadFileDirect(Base + ".a");
        _store.WriteFileDirect(Base + ".a", full.AsSpan(0, Math.Min(keptBytes, full.Length)).ToArray()); // … and the power cut tore it

        PersistentRecord reloaded = Load();

        Assert.Equal(new byte[] { 2, 2, 2 }, Value(reloaded));
        Assert.Equal(newest, _store.ReadFileDirect(Base + ".b"));
    }

    [Fact]
    public void A_flipped_bit_is_detected_by_the_CRC_and_skipped()
    {
        PersistentRecord record = Load();
        Save(record, 7, 7);
        Save(record, 8, 8);
        byte[] slotB = _store.ReadFileDirect(Base + ".b");
        slotB[11] ^= 0x04;
        _store.WriteFileDirect(Base + ".b", slotB);

        PersistentRecord reloaded = Load();

        Assert.Equal(new byte[] { 7, 7 }, Value(reloaded));
        Assert.Equal(1, reloaded.CorruptSlotCount);
    }

    [Fact]
    public void A_slot_of_another_record_type_is_not_trusted()
    {
        var other = new PersistentRecord(_store, Base, 0x99, 16);
        other.StartLoad();
        Pump(other);
        Save(other, 5);

        Assert.False(Load().HasValue);
    }

    [Fact]
    public void Saves_requested_during_a_write_are_coalesced_into_one_more_write()
    {
        PersistentRecord record = Load();
        long writesBefore = _store.CompletedJobCount;
        record.Save(new byte[] { 1 }, 0, 1);
        record.Tick(_clock.NowMs); // write of {1} submitted
        record.Save(new byte[] { 2 }, 0, 1);
        record.Save(new byte[] { 3 }, 0, 1);
        Pump(record);

        Assert.Equal(2, _store.CompletedJobCount - writesBefore);
        Assert.Equal(new byte[] { 3 }, Value(Load()));
    }

    [Fact]
    public void A_failed_write_is_retried_and_the_value_reaches_flash()
    {
        PersistentRecord record = Load();
        _store.FailNext(FileError.IoError);
        record.Save(new byte[] { 9 }, 0, 1);
        Pump(record, 3000);

        Assert.Equal(1, record.WriteFailureCount);
        Assert.False(record.IsSaving);
        Assert.Equal(new byte[] { 9 }, Value(Load()));
    }

    [Fact]
    public void The_value_is_readable_at_once_after_save()
    {
        PersistentRecord record = Load();
        record.Save(new byte[] { 4, 5 }, 0, 2);

        Assert.Equal(new byte[] { 4, 5 }, Value(record));
        Assert.True(record.IsSaving);
    }

    private PersistentRecord Load()
    {
        var record = new PersistentRecord(_store, Base, 0x43, 16);
        record.StartLoad();
        Pump(record);
        Assert.True(record.IsLoaded);
        return record;
    }

    private void Save(PersistentRecord record, params byte[] value)
    {
        record.Save(value, 0, value.Length);
        Pump(record);
        Assert.False(record.IsSaving);
    }

    private void Pump(PersistentRecord record, int ms = 200)
    {
        for (int i = 0; i < ms; i++)
        {
            _clock.AdvanceMs(1);
            _store.Advance(_clock.NowUs);
            record.Tick(_clock.NowMs);
        }
    }

    private static byte[] Value(PersistentRecord record) => record.Payload.AsSpan(0, record.PayloadLength).ToArray();
}
