namespace Wallbox.Firmware.Ocpp.Json
{
    /// <summary>
    /// A snapshot of a <see cref="JsonReader"/> (<see cref="JsonReader.GetState"/>), to read ahead and rewind with
    /// <see cref="JsonReader.SetState"/>: count the items of an array, then allocate an array of that size and read
    /// them — two-pass decoding without growable lists. Valid only for the buffer the reader was reset with when the
    /// snapshot was taken. A plain value: copying it copies the snapshot.
    /// </summary>
    public struct JsonReaderState
    {
        internal int Position;
        internal int State;
        internal int OpenCount;
        internal int ObjectBits;
        internal JsonTokenType TokenType;
        internal int TokenStart;
        internal int TokenLength;
        internal int TokenDepth;
        internal int StringLength;
        internal bool StringEscaped;
        internal bool NumberIsInteger;
        internal string ErrorReason;
        internal int ErrorByte;
        internal int ErrorOffset;
    }
}
