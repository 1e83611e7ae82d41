using System;

namespace Wallbox.Drivers.Desfire.Crypto
{
    /// <summary>
    /// CMAC (NIST SP 800-38B, also RFC 4493 for AES) over a 128-bit or 64-bit <see cref="IBlockCipher"/>.
    /// </summary>
    /// <remarks>
    /// <para>Call <see cref="DeriveSubkeys"/> after every key change of the cipher (subkey generation, SP 800-38B
    /// §6.1, with R_128 = 0^120 ‖ 10000111 and R_64 = 0^59 ‖ 11011, §5.3). <see cref="Compute(byte[], int, int, byte[], int)"/>
    /// is MAC generation (§6.2) with the full block as output; truncate to Tlen by taking the leading bytes.</para>
    /// <para>DESFire EV1 authenticated sessions start the chaining from the session's current IV rather than from
    /// zero and take the resulting full MAC as the next IV (the CMAC "is" the IV); the overload with a chaining value
    /// does that. With an all-zero chaining value it equals the standard CMAC.</para>
    /// <para>Allocates only in the constructor. Not thread-safe.</para>
    /// </remarks>
    public sealed class Cmac
    {
        private const byte Rb128 = 0x87;
        private const byte Rb64 = 0x1B;

        private readonly IBlockCipher _cipher;
        private readonly int _blockSize;
        private readonly byte[] _k1;
        private readonly byte[] _k2;
        private readonly byte[] _x;
        private readonly byte[] _last;
        private bool _hasSubkeys;

        /// <summary>MACs with <paramref name="cipher"/>; block size 16 or 8.</summary>
        public Cmac(IBlockCipher cipher)
        {
            if (cipher == null)
            {
                throw new ArgumentNullException("cipher");
            }

            if (cipher.BlockSize != 16 && cipher.BlockSize != 8)
            {
                throw new ArgumentException("CMAC is defined for 128- and 64-bit blocks");
            }

            _cipher = cipher;
            _blockSize = cipher.BlockSize;
            _k1 = new byte[_blockSize];
            _k2 = new byte[_blockSize];
            _x = new byte[_blockSize];
            _last = new byte[_blockSize];
        }

        /// <summary>Bytes in a full MAC (the cipher's block size).</summary>
        public int MacSize
        {
            get { return _blockSize; }
        }

        /// <summary>
        /// Subkey generation (SP 800-38B §6.1): L = CIPH_K(0^b); K1 = L &lt;&lt; 1, XOR Rb if MSB(L) was 1;
        /// K2 from K1 the same way.
        /// </summary>
        public void DeriveSubkeys()
        {
            Array.Clear(_x, 0, _blockSize);
            _cipher.EncryptBlock(_x, 0, _k1, 0);
            DoubleInPlace(_k1);
            Array.Copy(_k1, 0, _k2, 0, _blockSize);
            DoubleInPlace(_k2);
            Array.Clear(_x, 0, _blockSize);
            _hasSubkeys = true;
        }

        /// <summary>Copies K1 (the subkey for a complete last block) out, for inspection against published values.</summary>
        public void GetSubkey1(byte[] destination, int offset)
        {
            RequireSubkeys();
            Array.Copy(_k1, 0, destination, offset, _blockSize);
        }

        /// <summary>Copies K2 (the subkey for a padded last block) out.</summary>
        public void GetSubkey2(byte[] destination, int offset)
        {
            RequireSubkeys();
            Array.Copy(_k2, 0, destination, offset, _blockSize);
        }

        /// <summary>MAC generation (SP 800-38B §6.2): writes the full MAC (block size bytes) to <paramref name="mac"/>.</summary>
        public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            Compute(null, data, offset, count, mac, macOffset);
        }

        /// <summary>
        /// MAC generation starting from <paramref name="chainingValue"/> instead of C_0 = 0 (null means zero); when
        /// given, the chaining value is replaced by the full MAC afterwards (DESFire EV1 IV carry-over).
        /// </summary>
        public void Compute(byte[] chainingValue, byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            RequireSubkeys();
            if (data == null || offset < 0 || count < 0 || offset + count > data.Length)
            {
                throw new ArgumentException("message range outside the buffer");
            }

            int b = _blockSize;
            if (chainingValue == null)
            {
                Array.Clear(_x, 0, b);
            }
            else
            {
                Array.Copy(chainingValue, 0, _x, 0, b);
            }

            // Step 2-4: n blocks, the last one complete (xor K1) or padded with 10...0 (xor K2); n >= 1.
            int blocks = count == 0 ? 1 : (count + b - 1) / b;
            int lastStart = offset + (blocks - 1) * b;
            int lastLength = count - (blocks - 1) * b;

            // Step 6: C_i = CIPH_K(C_(i-1) xor M_i) for all but the last block.
            for (int p = offset; p < lastStart; p += b)
            {
                for (int i = 0; i < b; i++)
                {
                    _x[i] ^= data[p + i];
                }

                _cipher.EncryptBlock(_x, 0, _x, 0);
            }

            byte[] subkey = lastLength == b ? _k1 : _k2;
            for (int i = 0; i < b; i++)
            {
                byte m = i < lastLength ? data[lastStart + i] : (i == lastLength ? (byte)0x80 : (byte)0x00);
                _last[i] = (byte)(m ^ subkey[i]);
            }

            for (int i = 0; i < b; i++)
            {
                _x[i] ^= _last[i];
            }

            _cipher.EncryptBlock(_x, 0, _x, 0);
            Array.Copy(_x, 0, mac, macOffset, b);
            if (chainingValue != null)
            {
                Array.Copy(_x, 0, chainingValue, 0, b);
            }
        }

        private void RequireSubkeys()
        {
            if (!_hasSubkeys)
            {
                throw new InvalidOperationException("CMAC subkeys not derived; call DeriveSubkeys after setting the key");
            }
        }

        /// <summary>Left shift by one bit, XOR Rb if the shifted-out bit was 1 (SP 800-38B §6.1 steps 2-3).</summary>
        private void DoubleInPlace(byte[] block)
        {
            int carry = block[0] >> 7;
            for (int i = 0; i < _blockSize - 1; i++)
            {
                block[i] = (byte)((block[i] << 1) | (block[i + 1] >> 7));
            }

            block[_blockSize - 1] = (byte)(block[_blockSize - 1] << 1);
            if (carry != 0)
            {
                block[_blockSize - 1] ^= _blockSize == 16 ? Rb128 : Rb64;
            }
        }
    }
}
