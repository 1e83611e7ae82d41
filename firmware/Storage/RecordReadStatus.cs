namespace Wallbox.Firmware.Storage
{
    /// <summary>Progress of a record read requested from a <see cref="RecordLog"/>.</summary>
    public enum RecordReadStatus
    {
        /// <summary>No read requested.</summary>
        None = 0,

        /// <summary>The storage worker has not finished.</summary>
        Pending = 1,

        /// <summary>The record is in the read buffer and passed its CRC.</summary>
        Ready = 2,

        /// <summary>The read failed or the bytes were not a valid record.</summary>
        Failed = 3,
    }
}
