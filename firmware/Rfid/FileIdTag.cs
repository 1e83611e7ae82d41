namespace Wallbox.Firmware.Rfid
{
    /// <summary>
    /// The idTag stored as text in a DESFire file (RfidIdTagSource = File): ASCII, padded at the end with NUL or space
    /// bytes up to the field length. The OCPP idTag is a CiString20 (CPL-32) of printable ASCII.
    /// </summary>
    public static class FileIdTag
    {
        /// <summary>
        /// The idTag in the first <paramref name="length"/> bytes of <paramref name="data"/> without the padding, or null
        /// when it is empty, longer than 20 characters, or holds a byte that is not printable ASCII (0x20..0x7E) before
        /// the padding (such a file was not written for this network; a partial idTag would identify another account).
        /// </summary>
        public static string Parse(byte[] data, int length)
        {
            int end = length;
            while (end > 0 && (data[end - 1] == 0x00 || data[end - 1] == 0x20))
            {
                end--;
            }

            if (end == 0 || end > CardAuthenticationConfigKeys.MaxFileIdTagLength)
            {
                return null;
            }

            char[] text = new char[end];
            for (int i = 0; i < end; i++)
            {
                byte b = data[i];
                if (b < 0x20 || b > 0x7E)
                {
                    return null;
                }

                text[i] = (char)b;
            }

            return new string(text);
        }
    }
}
