namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// Writes client-to-server frames (RFC 6455 §5.2): always masked (§5.1: "a client MUST mask all frames that it
    /// sends"), with the shortest length encoding (§5.2: "the minimal number of bytes MUST be used"). Allocates nothing.
    /// </summary>
    public static class FrameEncoder
    {
        /// <summary>Header length, bytes, of a masked frame carrying <paramref name="payloadLength"/> bytes.</summary>
        public static int HeaderLength(long payloadLength)
        {
            int length = 2 + FrameHeader.MaskKeyBytes;
            if (payloadLength > 0xFFFF)
            {
                return length + 8;
            }

            return payloadLength > FrameHeader.MaxShortLength ? length + 2 : length;
        }

        /// <summary>
        /// Writes a masked frame header at <paramref name="offset"/> and returns its length
        /// (<see cref="HeaderLength"/>); the 4-byte <paramref name="maskKey"/> ends it.
        /// </summary>
        public static int WriteHeader(byte[] destination, int offset, bool fin, WebSocketOpcode opcode, long payloadLength, byte[] maskKey)
        {
            int i = offset;
            destination[i++] = (byte)((fin ? 0x80 : 0) | ((int)opcode & 0x0F));
            if (payloadLength <= FrameHeader.MaxShortLength)
            {
                destination[i++] = (byte)(0x80 | (int)payloadLength);
            }
            else if (payloadLength <= 0xFFFF)
            {
                destination[i++] = 0x80 | FrameHeader.Length16Marker;
                destination[i++] = (byte)(payloadLength >> 8);
                destination[i++] = (byte)payloadLength;
            }
            else
            {
                destination[i++] = 0x80 | FrameHeader.Length64Marker;
                for (int shift = 56; shift >= 0; shift -= 8)
                {
                    destination[i++] = (byte)(payloadLength >> shift);
                }
            }

            for (int k = 0; k < FrameHeader.MaskKeyBytes; k++)
            {
                destination[i++] = maskKey[k];
            }

            return i - offset;
        }

        /// <summary>
        /// Masks <paramref name="count"/> payload bytes into <paramref name="destination"/> (§5.3: octet i is XORed with
        /// key octet i MOD 4). <paramref name="payloadPosition"/> is the position of the first byte in the frame's
        /// payload, so a payload may be masked in pieces. Source and destination may be the same array.
        /// </summary>
        public static void Mask(byte[] source, int sourceOffset, byte[] destination, int destinationOffset, int count, byte[] maskKey, long payloadPosition)
        {
            int k = (int)(payloadPosition & 3);
            for (int i = 0; i < count; i++)
            {
                destination[destinationOffset + i] = (byte)(source[sourceOffset + i] ^ maskKey[k]);
                k = (k + 1) & 3;
            }
        }
    }
}
