using System;
using Wallbox.Firmware.Storage;
using Wallbox.Hal.Simulation;

namespace Wallbox.Benchmarks.FlashWear;

/// <summary>
/// The baseline: the obvious design in which the whole buffer of unsent messages is one atomically replaced record
/// (two copies, CRC, sequence — the configuration store's <see cref="PersistentRecord"/>), rewritten on every append
/// and every confirmation. Messages carry the same fields, hence the same sizes, as the journal's records.
/// </summary>
public sealed class SnapshotBufferUnderTest : ITransactionBufferUnderTest, IRecordPayload
{
    /// <summary>StartTransaction: message id, local id, connector, idTag (20), meterStart, timestamp, reservation.</summary>
    public const int StartBytes = 4 + 4 + 1 + 21 + 8 + 8 + 4;

    /// <summary>MeterValues: message id, local id, timestamp, context, length, 32 sample bytes.</summary>
    public const int MeterValuesBytes = 4 + 4 + 8 + 1 + 1 + 32;

    /// <summary>StopTransaction: message id, local id, meterStop, timestamp, reason, idTag (20), dropped samples.</summary>
    public const int StopBytes = 4 + 4 + 8 + 8 + 1 + 21 + 2;

    /// <summary>Transaction-id mapping of a started transaction (local id, CSMS id).</summary>
    private const int MappingBytes = 8;

    private const int MaxMessages = 40 * 14;
    private const int MaxTransactions = 40;
    private readonly int[] _messageBytes = new int[MaxMessages];
    private readonly char[] _messageKinds = new char[MaxMessages];
    private readonly PersistentRecord _record;
    private readonly SimulatedStorageLoop _loop;
    private int _head;
    private int _count;
    private int _mappings;
    private int _nextTransaction = 1;

    public SnapshotBufferUnderTest(SimulatedFileStore flash)
    {
        _record = new PersistentRecord(flash, @"I:\txsnapshot", 0x53, 4 + MaxMessages * (2 + StartBytes) + MaxTransactions * MappingBytes, this);
        _loop = new SimulatedStorageLoop(flash, _record);
        _record.StartLoad();
        _loop.RunUntil(() => _record.IsLoaded, "snapshot load");
    }

    public int PendingCount => _count;

    public int AppendStart(int index)
    {
        Append('S', StartBytes);
        return _nextTransaction++;
    }

    public void AppendMeterValues(int transaction, int sample) => Append('M', MeterValuesBytes);

    public void AppendStop(int transaction) => Append('E', StopBytes);

    public void Idle(int ms) => _loop.Idle(ms);

    public void Flush() => _loop.RunUntil(() => !_record.IsSaving, "snapshot flushed");

    public void ConfirmOldest(int roundTripMs)
    {
        Idle(roundTripMs);
        if (_count == 0)
        {
            throw new InvalidOperationException("nothing to confirm");
        }

        // A confirmed Start leaves a mapping (until its Stop is confirmed); a confirmed Stop removes it.
        if (_messageKinds[_head] == 'S')
        {
            _mappings++;
        }
        else if (_messageKinds[_head] == 'E')
        {
            _mappings--;
        }

        _head = (_head + 1) % MaxMessages;
        _count--;
        Save();
    }

    public int Serialize(byte[] buffer, int offset, int capacity)
    {
        // Content does not matter for wear, only its size: a count, then each message with a length prefix.
        int length = 4 + _mappings * MappingBytes;
        for (int i = 0; i < _count; i++)
        {
            length += 2 + _messageBytes[(_head + i) % MaxMessages];
        }

        Array.Clear(buffer, offset, length);
        return length;
    }

    public bool Deserialize(byte[] buffer, int offset, int count) => true;

    private void Append(char kind, int bytes)
    {
        if (_count == MaxMessages)
        {
            throw new InvalidOperationException("snapshot buffer full");
        }

        _messageBytes[(_head + _count) % MaxMessages] = bytes;
        _messageKinds[(_head + _count) % MaxMessages] = kind;
        _count++;
        Save();
    }

    private void Save()
    {
        int version = _record.RequestSave();
        _loop.RunUntil(() => _record.DurableVersion >= version, "snapshot on flash");
    }
}
