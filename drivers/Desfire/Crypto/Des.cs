using System;

namespace Wallbox.Drivers.Desfire.Crypto
{
    /// <summary>
    /// The Data Encryption Algorithm (FIPS 46-3), single DES with a 64-bit key of which 56 bits are used (the parity
    /// bits are ignored, §"Key Schedule Calculation"). DESFire EV1 legacy DES keys use it, and <see cref="TripleDes"/>
    /// composes it.
    /// </summary>
    /// <remarks>
    /// Bits are numbered 1..64 from the most significant bit of the first byte, as in the standard's tables. The 16
    /// round keys (48 bits each) are computed once per key in <see cref="SetKey"/>; the final permutation IP^-1 is
    /// derived from IP instead of being typed in. A block operation allocates nothing.
    /// </remarks>
    public sealed class Des : IBlockCipher
    {
        /// <summary>Bytes per block.</summary>
        public const int Size = 8;

        /// <summary>Bytes per key (including the parity bits).</summary>
        public const int KeySize = 8;

        private const int Rounds = 16;

        /// <summary>Initial permutation IP (FIPS 46-3, "Enciphering").</summary>
        private static readonly byte[] InitialPermutation =
        {
            58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4,
            62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
            57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3,
            61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
        };

        /// <summary>E bit-selection table (FIPS 46-3, "The Cipher Function f").</summary>
        private static readonly byte[] Expansion =
        {
            32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17,
            16, 17, 18, 19, 20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1,
        };

        /// <summary>Permutation P (FIPS 46-3, "The Cipher Function f").</summary>
        private static readonly byte[] Permutation =
        {
            16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10,
            2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25,
        };

        /// <summary>Permuted choice 1 (FIPS 46-3, Appendix 1 "Key Schedule Calculation").</summary>
        private static readonly byte[] PermutedChoice1 =
        {
            57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18,
            10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
            63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22,
            14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
        };

        /// <summary>Permuted choice 2 (FIPS 46-3, Appendix 1).</summary>
        private static readonly byte[] PermutedChoice2 =
        {
            14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
            41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
        };

        /// <summary>Left shifts of C and D per iteration (FIPS 46-3, Appendix 1).</summary>
        private static readonly byte[] Shifts = { 1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1 };

        /// <summary>
        /// Selection functions S1..S8 (FIPS 46-3, Appendix 1), 64 entries each, row-major: row from the outer bits
        /// (first and last) of the 6-bit input, column from the middle four.
        /// </summary>
        private static readonly byte[] SBoxes =
        {
            14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7,
            0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
            4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0,
            15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13,

            15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10,
            3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
            0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15,
            13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9,

            10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8,
            13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
            13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7,
            1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12,

            7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15,
            13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
            10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4,
            3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14,

            2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9,
            14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
            4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14,
            11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3,

            12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11,
            10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
            9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6,
            4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13,

            4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1,
            13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
            1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2,
            6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12,

            13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7,
            1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
            7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8,
            2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11,
        };

        /// <summary>IP^-1, the inverse of <see cref="InitialPermutation"/>.</summary>
        private static readonly byte[] FinalPermutation = Invert(InitialPermutation);

        private readonly ulong[] _subkeys = new ulong[Rounds];
        private bool _hasKey;

        /// <inheritdoc />
        public int BlockSize
        {
            get { return Size; }
        }

        /// <summary>Computes K1..K16 from an 8-byte key (FIPS 46-3 Appendix 1, "Key Schedule Calculation").</summary>
        public void SetKey(byte[] key, int offset)
        {
            if (key == null || offset < 0 || offset + KeySize > key.Length)
            {
                throw new ArgumentException("DES key needs 8 bytes");
            }

            ulong cd = Permute(ReadBlock(key, offset), 64, PermutedChoice1);
            uint c = (uint)(cd >> 28) & 0x0FFFFFFF;
            uint d = (uint)cd & 0x0FFFFFFF;
            for (int n = 0; n < Rounds; n++)
            {
                int s = Shifts[n];
                c = ((c << s) | (c >> (28 - s))) & 0x0FFFFFFF;
                d = ((d << s) | (d >> (28 - s))) & 0x0FFFFFFF;
                _subkeys[n] = Permute(((ulong)c << 28) | d, 56, PermutedChoice2);
            }

            _hasKey = true;
        }

        /// <summary>Enciphers one 8-byte block (FIPS 46-3, "Enciphering", Figure 1).</summary>
        public void EncryptBlock(byte[] input, int inOffset, byte[] output, int outOffset)
        {
            Crypt(input, inOffset, output, outOffset, false);
        }

        /// <summary>Deciphers one 8-byte block (FIPS 46-3, "Deciphering": the same steps with K16..K1).</summary>
        public void DecryptBlock(byte[] input, int inOffset, byte[] output, int outOffset)
        {
            Crypt(input, inOffset, output, outOffset, true);
        }

        private void Crypt(byte[] input, int inOffset, byte[] output, int outOffset, bool decrypt)
        {
            if (!_hasKey)
            {
                throw new InvalidOperationException("DES key not set");
            }

            ulong block = Permute(ReadBlock(input, inOffset), 64, InitialPermutation);
            uint left = (uint)(block >> 32);
            uint right = (uint)block;
            for (int n = 0; n < Rounds; n++)
            {
                // L' = R, R' = L xor f(R, K) (FIPS 46-3, "Enciphering").
                uint next = left ^ F(right, _subkeys[decrypt ? Rounds - 1 - n : n]);
                left = right;
                right = next;
            }

            // The preoutput block is R16 L16 (the halves are not swapped after the last iteration).
            ulong preoutput = ((ulong)right << 32) | left;
            WriteBlock(Permute(preoutput, 64, FinalPermutation), output, outOffset);
        }

        /// <summary>The cipher function f(R, K) = P(S1..S8(E(R) xor K)) (FIPS 46-3, Figure 2).</summary>
        private static uint F(uint right, ulong subkey)
        {
            ulong expanded = Permute(right, 32, Expansion) ^ subkey;
            uint substituted = 0;
            for (int box = 0; box < 8; box++)
            {
                int six = (int)(expanded >> (42 - 6 * box)) & 0x3F;
                int row = ((six >> 4) & 0x02) | (six & 0x01);
                int column = (six >> 1) & 0x0F;
                substituted = (substituted << 4) | SBoxes[box * 64 + row * 16 + column];
            }

            return (uint)Permute(substituted, 32, Permutation);
        }

        /// <summary>
        /// Output bit i (1-based, from the most significant) is input bit table[i-1] of an <paramref name="width"/>-bit
        /// input, the convention of all tables in FIPS 46-3.
        /// </summary>
        private static ulong Permute(ulong input, int width, byte[] table)
        {
            ulong result = 0;
            for (int i = 0; i < table.Length; i++)
            {
                result = (result << 1) | ((input >> (width - table[i])) & 1UL);
            }

            return result;
        }

        private static ulong ReadBlock(byte[] buffer, int offset)
        {
            ulong value = 0;
            for (int i = 0; i < Size; i++)
            {
                value = (value << 8) | buffer[offset + i];
            }

            return value;
        }

        private static void WriteBlock(ulong value, byte[] buffer, int offset)
        {
            for (int i = Size - 1; i >= 0; i--)
            {
                buffer[offset + i] = (byte)value;
                value >>= 8;
            }
        }

        private static byte[] Invert(byte[] table)
        {
            byte[] inverse = new byte[table.Length];
            for (int i = 0; i < table.Length; i++)
            {
                inverse[table[i] - 1] = (byte)(i + 1);
            }

            return inverse;
        }
    }
}
