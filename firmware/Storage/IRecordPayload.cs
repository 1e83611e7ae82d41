namespace Wallbox.Firmware.Storage
{
    /// <summary>
    /// The owner of a <see cref="PersistentRecord"/>: it writes its current value into the record's buffer when a
    /// save is submitted, and reads it back at load. The record never keeps a second copy of the value.
    /// </summary>
    public interface IRecordPayload
    {
        /// <summary>Writes the current value at <paramref name="offset"/>; returns the bytes written (at most <paramref name="capacity"/>).</summary>
        int Serialize(byte[] buffer, int offset, int capacity);

        /// <summary>
        /// Replaces the current value from a copy whose CRC was verified. Returns false, changing nothing, when the
        /// content is not understood (an unknown layout version); the copy then counts as unusable.
        /// </summary>
        bool Deserialize(byte[] buffer, int offset, int count);
    }
}
