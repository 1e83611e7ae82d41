namespace Wallbox.Firmware.Rfid
{
    /// <summary>
    /// The idTag format an installation uses: byte order and notation (WBX-14, WBX-15c, CPL-33). Set from the keys
    /// of <see cref="RfidConfigKeys"/>; the default is uppercase hex in transmission order.
    /// </summary>
    public sealed class IdTagFormat
    {
        /// <summary>Creates a format.</summary>
        public IdTagFormat(IdTagByteOrder byteOrder, IdTagNotation notation)
        {
            ByteOrder = byteOrder;
            Notation = notation;
        }

        /// <summary>Byte order of the UID in the idTag.</summary>
        public IdTagByteOrder ByteOrder { get; private set; }

        /// <summary>Hex or decimal.</summary>
        public IdTagNotation Notation { get; private set; }
    }
}
