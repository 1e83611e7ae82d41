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
        (PersistentRecord record, BytesPayload value) = Load();
        Assert.False(record.LoadedValue);

        Save(record, value, 1, 2, 3);

        Assert.NotNull(_store.ReadFileDirect(Base + ".a"));
        Assert.Null(_store.ReadFileDirect(Base + ".b"));
        Assert.Equal(new byte[] { 1, 2, 3 }, Load().Value.Bytes);
    }

    [Fact]
    public void Saves_alternate_between_slots_and_the_newest_wins()
    {
        (PersistentRecord record, BytesPayload value) = Load();
        Save(record, value, 1);
        Save(record, value, 2);
        Save(record, value, 3);

        (PersistentRecord reloaded, BytesPayload loaded) = Load();

        Assert.Equal(new byte[] { 3 }, loaded.Bytes);
        Assert.Equal(3u, reloaded.Sequence);
        Assert.False(reloaded.FellBackToPreviousCopy);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(16)]
    public void A_write_torn_at_any_byte_leaves_the_previous_value(int keptBytes)
    {
        (PersistentRecord record, BytesPayload value) = Load();
        Save(record, value, 1, 1, 1);
        Save(record, value, 2, 2, 2);
        Save(record, value, 3, 3, 3); // goes to slot A …
        byte[] full = _store.ReadFileDirect(Base + ".a");
        _store.WriteFileDirect(Base + ".a", full.AsSpan(0, Math.Min(keptBytes, full.Length)).ToArray()); // … and the power cut tore it

        (PersistentRecord reloaded, BytesPayload loaded) = Load();

        Assert.Equal(new byte[] { 2, 2, 2 }, loaded.Bytes);
        Assert.True(reloaded.FellBackToPreviousCopy || keptBytes == 0);
    }

    [Fact]
    public void A_flipped_bit_is_detected_by_the_CRC_and_the_previous_copy_loads()
    {
        (PersistentRecord record, BytesPayload value) = Load();
        Save(record, value, 7, 7);
        Save(record, value, 8, 8);
        byte[] slotB = _store.ReadFileDirect(Base + ".b");
        slotB[11] ^= 0x04;
        _store.WriteFileDirect(Base + ".b", slotB);

        (PersistentRecord reloaded, BytesPayload loaded) = Load();

        Assert.Equal(new byte[] { 7, 7 }, loaded.Bytes);
        Assert.Equal(1, reloaded.CorruptSlotCount);
        Assert.True(reloaded.FellBackToPreviousCopy);
    }

    [Fact]
    public void A_copy_the_owner_does_not_understand_counts_as_unusable()
    {
        (PersistentRecord record, BytesPayload value) = Load();
        Save(record, value, 1);
        Save(record, value, 0xEE); // the test payload refuses a first byte of 0xEE

        (_, BytesPayload loaded) = Load();

        Assert.Equal(new byte[] { 1 }, loaded.Bytes);
    }

    [Fact]
    public void A_slot_of_another_record_type_is_not_trusted()
    {
        var other = new BytesPayload();
        var otherRecord = new PersistentRecord(_store, Base, 0x99, 16, other);
        otherRecord.StartLoad();
        Pump(otherRecord);
        Save(otherRecord, other, 5);

        Assert.False(Load().Record.LoadedValue);
    }

    [Fact]
    public void Saves_requested_during_a_write_are_coalesced_into_one_more_write_of_the_latest_value()
    {
        (PersistentRecord record, BytesPayload value) = Load();
        long jobsBefore = _store.CompletedJobCount;
        value.Bytes = new byte[] { 1 };
        record.RequestSave();
        record.Tick(_clock.NowMs); // write of {1} submitted
        value.Bytes = new byte[] { 2 };
        record.RequestSave();
        value.Bytes = new byte[] { 3 };
        int last = record.RequestSave();
        Pump(record);

        Assert.Equal(2, _store.CompletedJobCount - jobsBefore);
        Assert.Equal(last, record.DurableVersion);
        Assert.Equal(new byte[] { 3 }, Load().Value.Bytes);
    }

    [Fact]
    public void A_failed_write_is_retried_and_the_value_reaches_flash()
    {
        (PersistentRecord record, BytesPayload value) = Load();
        _store.FailNext(FileError.IoError);
        value.Bytes = new byte[] { 9 };
        int version = record.RequestSave();
        Pump(record, 3000);

        Assert.Equal(1, record.WriteFailureCount);
        Assert.Equal(version, record.DurableVersion);
        Assert.Equal(new byte[] { 9 }, Load().Value.Bytes);
    }

    [Fact]
    public void A_read_error_at_boot_is_retried_so_the_newest_value_loads_and_not_the_previous_copy()
    {
        (PersistentRecord record, BytesPayload value) = Load();
        Save(record, value, 1);
        Save(record, value, 2); // newest in slot B
        Save(record, value, 3); // newest in slot A
        _store.FailNextReads(PersistentRecord.MaxReadAttempts - 1);

        (PersistentRecord reloaded, BytesPayload loaded) = Load(2000);

        Assert.Equal(new byte[] { 3 }, loaded.Bytes);
        Assert.False(reloaded.FellBackToPreviousCopy);
        Assert.Equal(PersistentRecord.MaxReadAttempts - 1, reloaded.ReadRetryCount);
    }

    [Fact]
    public void A_slot_that_stays_unreadable_counts_as_unusable_and_the_other_copy_loads()
    {
        (PersistentRecord record, BytesPayload value) = Load();
        Save(record, value, 1);
        Save(record, value, 2);
        Save(record, value, 3); // slot A
        _store.FailNextReads(PersistentRecord.MaxReadAttempts);

        (PersistentRecord reloaded, BytesPayload loaded) = Load(2000);

        Assert.Equal(new byte[] { 2 }, loaded.Bytes);
        Assert.True(reloaded.FellBackToPreviousCopy);
    }

    private (PersistentRecord Record, BytesPayload Value) Load(int pumpMs = 200)
    {
        var value = new BytesPayload();
        var record = new PersistentRecord(_store, Base, 0x43, 16, value);
        record.StartLoad();
        Pump(record, pumpMs);
        Assert.True(record.IsLoaded);
        return (record, value);
    }

    private void Save(PersistentRecord record, BytesPayload value, params byte[] bytes)
    {
        value.Bytes = bytes;
        int version = record.RequestSave();
        Pump(record);
        Assert.Equal(version, record.DurableVersion);
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

    /// <summary>A payload that is just bytes; it refuses content starting with 0xEE (an "unknown layout").</summary>
    private sealed class BytesPayload : IRecordPayload
    {
        public byte[] Bytes { get; set; } = Array.Empty<byte>();

        public int Serialize(byte[] buffer, int offset, int capacity)
        {
            Bytes.CopyTo(buffer, offset);
            return Bytes.Length;
        }

        public bool Deserialize(byte[] buffer, int offset, int count)
        {
            if (count > 0 && buffer[offset] == 0xEE)
            {
                return false;
            }

            Bytes = buffer.AsSpan(offset, count).ToArray();
            return true;
        }
    }
}
