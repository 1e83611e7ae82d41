namespace Wallbox.Firmware.Storage
{
    /// <summary>
    /// The owner of a <see cref="RecordLog"/>: it rebuilds its state from the records at load, learns when an
    /// appended record is durable, and tells the log which records are still live when the log compacts.
    /// </summary>
    public interface IRecordLogOwner
    {
        /// <summary>
        /// Load: one valid record of the chosen generation, in file order (snapshot records first, then the ones
        /// appended after it). <paramref name="fileOffset"/> and <paramref name="recordLength"/> locate it in the file.
        /// </summary>
        void OnRecordLoaded(byte kind, byte[] buffer, int payloadOffset, int payloadLength, int fileOffset, int recordLength);

        /// <summary>Load: the owner header kept in the generation's commit marker (counters that must not go back).</summary>
        void OnCommitHeaderLoaded(byte[] buffer, int offset, int count);

        /// <summary>A record appended with <see cref="RecordLog.TryAppend"/> is on flash at <paramref name="fileOffset"/>.</summary>
        void OnRecordDurable(uint sequence, byte kind, byte[] buffer, int payloadOffset, int payloadLength, int fileOffset, int recordLength);

        /// <summary>Number of records still needed to rebuild the state (cheap: read every tick).</summary>
        int LiveRecordCount { get; }

        /// <summary>
        /// Compaction starts: fix the list of live records (the state does not change until the compaction commits,
        /// because no append becomes durable meanwhile) and return how many there are.
        /// </summary>
        int PrepareLiveRecords();

        /// <summary>Compaction: file offset of live record <paramref name="index"/>; offsets must ascend with the index.</summary>
        int GetLiveRecordOffset(int index);

        /// <summary>Compaction committed: live record <paramref name="index"/> now sits at <paramref name="newFileOffset"/>.</summary>
        void OnLiveRecordMoved(int index, int newFileOffset);

        /// <summary>Compaction: writes the owner header for the new commit marker; returns its length.</summary>
        int WriteCommitHeader(byte[] buffer, int offset, int capacity);
    }
}
