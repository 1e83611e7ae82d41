using System;

namespace Wallbox.Drivers.Desfire.Crypto
{
    /// <summary>
    /// AES with a 128-bit key (FIPS-197, Nk = 4, Nr = 10), the cipher of DESFire EV1 AES keys.
    /// </summary>
    /// <remarks>
    /// Byte-oriented implementation of the specification's Cipher (§5.1) and InvCipher (§5.3). The S-box is not typed
    /// in but derived once from its definition in §5.1.1 (multiplicative inverse in GF(2^8) followed by the affine
    /// transformation), which keeps the source free of a 512-entry table that could hide a typo. The key schedule
    /// (§5.2) is expanded once in <see cref="SetKey"/>; a block operation allocates nothing. Not thread-safe: one
    /// instance per session.
    /// </remarks>
    public sealed class Aes128 : IBlockCipher
    {
        /// <summary>Bytes per block (Nb = 4 words, §3.4).</summary>
        public const int Size = 16;

        /// <summary>Bytes per key (Nk = 4 words).</summary>
        public const int KeySize = 16;

        private const int Rounds = 10;

        private static readonly byte[] SBox = new byte[256];
        private static readonly byte[] InvSBox = new byte[256];

        private readonly byte[] _roundKeys = new byte[Size * (Rounds + 1)];
        private readonly byte[] _state = new byte[Size];
        private readonly byte[] _scratch = new byte[Size];
        private bool _hasKey;

        static Aes128()
        {
            BuildSBoxes();
        }

        /// <inheritdoc />
        public int BlockSize
        {
            get { return Size; }
        }

        /// <summary>Expands a 16-byte key (KeyExpansion, FIPS-197 §5.2).</summary>
        public void SetKey(byte[] key, int offset)
        {
            if (key == null || offset < 0 || offset + KeySize > key.Length)
            {
                throw new ArgumentException("AES-128 key needs 16 bytes");
            }

            Array.Copy(key, offset, _roundKeys, 0, KeySize);
            byte rcon = 0x01;
            for (int i = KeySize; i < _roundKeys.Length; i += 4)
            {
                byte t0 = _roundKeys[i - 4];
                byte t1 = _roundKeys[i - 3];
                byte t2 = _roundKeys[i - 2];
                byte t3 = _roundKeys[i - 1];
                if (i % KeySize == 0)
                {
                    // temp = SubWord(RotWord(temp)) xor Rcon[i/Nk] (§5.2, Figure 11).
                    byte first = t0;
                    t0 = (byte)(SBox[t1] ^ rcon);
                    t1 = SBox[t2];
                    t2 = SBox[t3];
                    t3 = SBox[first];
                    rcon = XTime(rcon);
                }

                _roundKeys[i] = (byte)(_roundKeys[i - KeySize] ^ t0);
                _roundKeys[i + 1] = (byte)(_roundKeys[i - KeySize + 1] ^ t1);
                _roundKeys[i + 2] = (byte)(_roundKeys[i - KeySize + 2] ^ t2);
                _roundKeys[i + 3] = (byte)(_roundKeys[i - KeySize + 3] ^ t3);
            }

            _hasKey = true;
        }

        /// <summary>Cipher (FIPS-197 §5.1, Figure 5).</summary>
        public void EncryptBlock(byte[] input, int inOffset, byte[] output, int outOffset)
        {
            RequireKey();
            byte[] s = _state;
            Array.Copy(input, inOffset, s, 0, Size);
            AddRoundKey(0);
            for (int round = 1; round < Rounds; round++)
            {
                SubBytes(SBox);
                ShiftRows();
                MixColumns();
                AddRoundKey(round);
            }

            SubBytes(SBox);
            ShiftRows();
            AddRoundKey(Rounds);
            Array.Copy(s, 0, output, outOffset, Size);
        }

        /// <summary>Inverse Cipher (FIPS-197 §5.3, Figure 12).</summary>
        public void DecryptBlock(byte[] input, int inOffset, byte[] output, int outOffset)
        {
            RequireKey();
            byte[] s = _state;
            Array.Copy(input, inOffset, s, 0, Size);
            AddRoundKey(Rounds);
            for (int round = Rounds - 1; round > 0; round--)
            {
                InvShiftRows();
                SubBytes(InvSBox);
                AddRoundKey(round);
                InvMixColumns();
            }

            InvShiftRows();
            SubBytes(InvSBox);
            AddRoundKey(0);
            Array.Copy(s, 0, output, outOffset, Size);
        }

        private void RequireKey()
        {
            if (!_hasKey)
            {
                throw new InvalidOperationException("AES key not set");
            }
        }

        // The state is held column by column as in §3.4: s[r + 4c] = in[r + 4c].

        /// <summary>AddRoundKey (§5.1.4).</summary>
        private void AddRoundKey(int round)
        {
            int k = round * Size;
            for (int i = 0; i < Size; i++)
            {
                _state[i] ^= _roundKeys[k + i];
            }
        }

        /// <summary>SubBytes (§5.1.1) or InvSubBytes (§5.3.2), depending on the table.</summary>
        private void SubBytes(byte[] box)
        {
            for (int i = 0; i < Size; i++)
            {
                _state[i] = box[_state[i]];
            }
        }

        /// <summary>ShiftRows (§5.1.2): s'[r,c] = s[r, (c + r) mod 4].</summary>
        private void ShiftRows()
        {
            Array.Copy(_state, 0, _scratch, 0, Size);
            for (int r = 1; r < 4; r++)
            {
                for (int c = 0; c < 4; c++)
                {
                    _state[r + 4 * c] = _scratch[r + 4 * ((c + r) & 3)];
                }
            }
        }

        /// <summary>InvShiftRows (§5.3.1): s'[r, (c + r) mod 4] = s[r,c].</summary>
        private void InvShiftRows()
        {
            Array.Copy(_state, 0, _scratch, 0, Size);
            for (int r = 1; r < 4; r++)
            {
                for (int c = 0; c < 4; c++)
                {
                    _state[r + 4 * ((c + r) & 3)] = _scratch[r + 4 * c];
                }
            }
        }

        /// <summary>MixColumns (§5.1.3), each column times {03}x^3 + {01}x^2 + {01}x + {02}.</summary>
        private void MixColumns()
        {
            for (int c = 0; c < Size; c += 4)
            {
                byte a0 = _state[c];
                byte a1 = _state[c + 1];
                byte a2 = _state[c + 2];
                byte a3 = _state[c + 3];
                byte all = (byte)(a0 ^ a1 ^ a2 ^ a3);
                _state[c] = (byte)(a0 ^ all ^ XTime((byte)(a0 ^ a1)));
                _state[c + 1] = (byte)(a1 ^ all ^ XTime((byte)(a1 ^ a2)));
                _state[c + 2] = (byte)(a2 ^ all ^ XTime((byte)(a2 ^ a3)));
                _state[c + 3] = (byte)(a3 ^ all ^ XTime((byte)(a3 ^ a0)));
            }
        }

        /// <summary>InvMixColumns (§5.3.3), each column times {0b}x^3 + {0d}x^2 + {09}x + {0e}.</summary>
        private void InvMixColumns()
        {
            for (int c = 0; c < Size; c += 4)
            {
                byte a0 = _state[c];
                byte a1 = _state[c + 1];
                byte a2 = _state[c + 2];
                byte a3 = _state[c + 3];
                _state[c] = (byte)(Mul(a0, 0x0e) ^ Mul(a1, 0x0b) ^ Mul(a2, 0x0d) ^ Mul(a3, 0x09));
                _state[c + 1] = (byte)(Mul(a0, 0x09) ^ Mul(a1, 0x0e) ^ Mul(a2, 0x0b) ^ Mul(a3, 0x0d));
                _state[c + 2] = (byte)(Mul(a0, 0x0d) ^ Mul(a1, 0x09) ^ Mul(a2, 0x0e) ^ Mul(a3, 0x0b));
                _state[c + 3] = (byte)(Mul(a0, 0x0b) ^ Mul(a1, 0x0d) ^ Mul(a2, 0x09) ^ Mul(a3, 0x0e));
            }
        }

        /// <summary>Multiplication by x modulo m(x) = x^8 + x^4 + x^3 + x + 1 (§4.2.1).</summary>
        private static byte XTime(byte b)
        {
            return (byte)((b << 1) ^ ((b & 0x80) != 0 ? 0x1B : 0x00));
        }

        /// <summary>Multiplication in GF(2^8) (§4.2), by repeated xtime.</summary>
        private static byte Mul(byte a, int b)
        {
            int result = 0;
            while (b != 0)
            {
                if ((b & 1) != 0)
                {
                    result ^= a;
                }

                a = XTime(a);
                b >>= 1;
            }

            return (byte)result;
        }

        /// <summary>
        /// S-box of §5.1.1: b = inverse of the byte in GF(2^8) ({00} maps to {00}), then
        /// b'_i = b_i ^ b_(i+4) ^ b_(i+5) ^ b_(i+6) ^ b_(i+7) ^ c_i with c = {63}. Inverses come from powers of the
        /// generator {03}.
        /// </summary>
        private static void BuildSBoxes()
        {
            byte[] exp = new byte[256];
            byte[] log = new byte[256];
            byte x = 1;
            for (int i = 0; i < 255; i++)
            {
                exp[i] = x;
                log[x] = (byte)i;
                x = (byte)(x ^ XTime(x)); // x * {03}
            }

            for (int value = 0; value < 256; value++)
            {
                int inverse = value == 0 ? 0 : exp[(255 - log[value]) % 255];
                int b = inverse;
                int rotated = inverse;
                for (int shift = 0; shift < 4; shift++)
                {
                    rotated = ((rotated << 1) | (rotated >> 7)) & 0xFF;
                    b ^= rotated;
                }

                b ^= 0x63;
                SBox[value] = (byte)b;
                InvSBox[b] = (byte)value;
            }
        }
    }
}
