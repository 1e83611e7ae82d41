namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// SHA-1, FIPS 180-4 §6.1. Needed only for the opening handshake's Sec-WebSocket-Accept check (RFC 6455
    /// §4.2.2 item 5.4), where it is not used for security; nanoFramework's crypto package has no SHA-1.
    /// Incremental: <see cref="Update"/> any number of times, then <see cref="Finish"/>. The instance keeps its
    /// 64-byte block and 80-word schedule, so hashing allocates nothing.
    /// </summary>
    public sealed class Sha1
    {
        /// <summary>Digest length, bytes (160 bits).</summary>
        public const int DigestBytes = 20;

        /// <summary>Message block length, bytes (512 bits, FIPS 180-4 §5.2.1).</summary>
        public const int BlockBytes = 64;

        private readonly byte[] _block = new byte[BlockBytes];
        private readonly uint[] _schedule = new uint[80];
        private readonly uint[] _hash = new uint[5];
        private int _blockLength;
        private long _messageBytes;

        /// <summary>Creates a hash ready for <see cref="Update"/>.</summary>
        public Sha1()
        {
            Reset();
        }

        /// <summary>Starts a new message: the initial hash value of FIPS 180-4 §5.3.1.</summary>
        public void Reset()
        {
            _hash[0] = 0x67452301;
            _hash[1] = 0xEFCDAB89;
            _hash[2] = 0x98BADCFE;
            _hash[3] = 0x10325476;
            _hash[4] = 0xC3D2E1F0;
            _blockLength = 0;
            _messageBytes = 0;
        }

        /// <summary>Hashes the next <paramref name="count"/> bytes of the message.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            _messageBytes += count;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                _block[_blockLength++] = data[i];
                if (_blockLength == BlockBytes)
                {
                    ProcessBlock();
                    _blockLength = 0;
                }
            }
        }

        /// <summary>
        /// Pads the message (FIPS 180-4 §5.1.1: a 1 bit, zeros, the 64-bit length in bits), writes the 20-byte digest
        /// big-endian at <paramref name="offset"/> and resets the hash for the next message.
        /// </summary>
        public void Finish(byte[] digest, int offset)
        {
            long messageBits = _messageBytes * 8;
            _block[_blockLength++] = 0x80;
            if (_blockLength > BlockBytes - 8)
            {
                while (_blockLength < BlockBytes)
                {
                    _block[_blockLength++] = 0;
                }

                ProcessBlock();
                _blockLength = 0;
            }

            while (_blockLength < BlockBytes - 8)
            {
                _block[_blockLength++] = 0;
            }

            for (int i = 7; i >= 0; i--)
            {
                _block[_blockLength++] = (byte)(messageBits >> (i * 8));
            }

            ProcessBlock();
            for (int i = 0; i < 5; i++)
            {
                uint h = _hash[i];
                digest[offset + (i * 4)] = (byte)(h >> 24);
                digest[offset + (i * 4) + 1] = (byte)(h >> 16);
                digest[offset + (i * 4) + 2] = (byte)(h >> 8);
                digest[offset + (i * 4) + 3] = (byte)h;
            }

            Reset();
        }

        private static uint RotateLeft(uint x, int n)
        {
            return (x << n) | (x >> (32 - n));
        }

        // FIPS 180-4 §6.1.2: message schedule, then 80 rounds with f and K of §4.1.1 and §4.2.1.
        private void ProcessBlock()
        {
            uint[] w = _schedule;
            for (int t = 0; t < 16; t++)
            {
                int j = t * 4;
                w[t] = ((uint)_block[j] << 24) | ((uint)_block[j + 1] << 16) | ((uint)_block[j + 2] << 8) | _block[j + 3];
            }

            for (int t = 16; t < 80; t++)
            {
                w[t] = RotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
            }

            uint a = _hash[0];
            uint b = _hash[1];
            uint c = _hash[2];
            uint d = _hash[3];
            uint e = _hash[4];
            for (int t = 0; t < 80; t++)
            {
                uint f;
                uint k;
                if (t < 20)
                {
                    f = (b & c) | (~b & d); // Ch
                    k = 0x5A827999;
                }
                else if (t < 40)
                {
                    f = b ^ c ^ d; // Parity
                    k = 0x6ED9EBA1;
                }
                else if (t < 60)
                {
                    f = (b & c) | (b & d) | (c & d); // Maj
                    k = 0x8F1BBCDC;
                }
                else
                {
                    f = b ^ c ^ d; // Parity
                    k = 0xCA62C1D6;
                }

                uint temp = RotateLeft(a, 5) + f + e + k + w[t];
                e = d;
                d = c;
                c = RotateLeft(b, 30);
                b = a;
                a = temp;
            }

            _hash[0] += a;
            _hash[1] += b;
            _hash[2] += c;
            _hash[3] += d;
            _hash[4] += e;
        }
    }
}
