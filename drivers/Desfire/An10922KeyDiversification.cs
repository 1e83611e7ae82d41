using System;
using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Drivers.Desfire
{
    /// <summary>
    /// Key diversification of NXP AN10922 "Symmetric key diversifications" for AES-128 (§2.2), two-key TDEA (2K3DES)
    /// and three-key TDEA (3K3DES): the card key is made of CMACs of the diversification input under the master key, so
    /// each card holds its own key and the master key never leaves the reader.
    /// </summary>
    /// <remarks>
    /// <para>M = UID ‖ AID ‖ system identifier (<see cref="BuildInput"/>). Each key part is the last block of the CBC
    /// encryption (IV zero) under the master key of D = C ‖ M, a diversification constant C followed by M, where D is
    /// always taken to two cipher blocks: if shorter it is padded with 0x80 00…00 and its last block XORed with CMAC
    /// subkey K2, else (full) its last block is XORed with K1 (subkeys as NIST SP 800-38B §6.1). Unlike a plain CMAC a
    /// short D is still padded to two blocks.</para>
    /// <list type="bullet">
    /// <item>AES-128 (§2.2, example §2.2.1): C = 0x01, M 1..31 bytes, key = the one 16-byte part.</item>
    /// <item>2TDEA (2K3DES master key, 8-byte blocks, Rb 0x1B): C = 0x21 and 0x22, M 1..15 bytes,
    /// key = part(0x21) ‖ part(0x22), 16 bytes.</item>
    /// <item>3TDEA (3K3DES master key): C = 0x31, 0x32, 0x33, M 1..15 bytes, key = the three parts, 24 bytes.</item>
    /// </list>
    /// <para>Key version: DESFire keeps the version of a DES-family key in the parity bits (least significant bits) of
    /// its first eight bytes. The TDEA results here carry the master key's version there, as AN10922's published 2TDEA
    /// and 3TDEA example keys do (and libfreefare, libspookyaction); every other bit is the CMAC output unchanged. DES
    /// ignores those bits, so the card authenticates the key whatever they are. AN10922 defines no single-DES
    /// diversification.</para>
    /// <para>The AID enters M as on the air, least significant byte first: AN10922's example AID bytes 30 42 F5 are the
    /// AID 0xF54230. Allocates only at construction; wipes its working copies after each use.</para>
    /// </remarks>
    public sealed class An10922KeyDiversification
    {
        /// <summary>Longest diversification input M for AES-128, bytes.</summary>
        public const int MaxInputLength = 31;

        /// <summary>Longest diversification input M for 2TDEA and 3TDEA, bytes (D = C ‖ M fits two 8-byte blocks).</summary>
        public const int MaxTdeaInputLength = 15;

        private const byte AesConstant = 0x01;
        private const byte TwoKeyConstant = 0x21;
        private const byte ThreeKeyConstant = 0x31;

        private readonly Aes128 _aes = new Aes128();
        private readonly Cmac _cmac;
        private readonly CbcMode _cbc;
        private readonly TripleDes _tdes = new TripleDes();
        private readonly Cmac _tdesCmac;
        private readonly CbcMode _tdesCbc;
        private readonly byte[] _d = new byte[32];
        private readonly byte[] _subkey = new byte[16];

        /// <summary>Creates the diversifier.</summary>
        public An10922KeyDiversification()
        {
            _cmac = new Cmac(_aes);
            _cbc = new CbcMode(_aes);
            _tdesCmac = new Cmac(_tdes);
            _tdesCbc = new CbcMode(_tdes);
        }

        /// <summary>
        /// Longest input M AN10922 defines for keys of <paramref name="type"/>: 31 bytes for AES-128, 15 for 2K3DES and
        /// 3K3DES, 0 for single DES (not defined).
        /// </summary>
        public static int MaxInputLengthFor(DesfireKeyType type)
        {
            switch (type)
            {
                case DesfireKeyType.Aes128: return MaxInputLength;
                case DesfireKeyType.TwoKeyTripleDes:
                case DesfireKeyType.ThreeKeyTripleDes: return MaxTdeaInputLength;
                default: return 0;
            }
        }

        /// <summary>
        /// Writes M = UID ‖ AID (LSB first) ‖ system identifier to <paramref name="output"/> and returns its length, or -1
        /// when it would exceed 31 bytes (the TDEA limit of 15 is checked by <see cref="Diversify"/>).
        /// </summary>
        public static int BuildInput(byte[] uid, int uidOffset, int uidLength, int aid, byte[] systemIdentifier, byte[] output, int outputOffset)
        {
            int systemLength = systemIdentifier == null ? 0 : systemIdentifier.Length;
            int length = uidLength + 3 + systemLength;
            if (length > MaxInputLength)
            {
                return -1;
            }

            Array.Copy(uid, uidOffset, output, outputOffset, uidLength);
            output[outputOffset + uidLength] = (byte)aid;
            output[outputOffset + uidLength + 1] = (byte)(aid >> 8);
            output[outputOffset + uidLength + 2] = (byte)(aid >> 16);
            if (systemLength > 0)
            {
                Array.Copy(systemIdentifier, 0, output, outputOffset + uidLength + 3, systemLength);
            }

            return length;
        }

        /// <summary>
        /// Derives the card key of <paramref name="type"/> (AES-128 16 bytes, 2K3DES 16, 3K3DES 24, written at
        /// <paramref name="outputOffset"/>) from a master key of the same type and M.
        /// </summary>
        public void Diversify(DesfireKeyType type, byte[] masterKey, int masterKeyOffset, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset)
        {
            switch (type)
            {
                case DesfireKeyType.Aes128:
                    DiversifyAes128(masterKey, masterKeyOffset, input, inputOffset, inputLength, output, outputOffset);
                    break;
                case DesfireKeyType.TwoKeyTripleDes:
                    DiversifyTwoKeyTripleDes(masterKey, masterKeyOffset, input, inputOffset, inputLength, output, outputOffset);
                    break;
                case DesfireKeyType.ThreeKeyTripleDes:
                    DiversifyThreeKeyTripleDes(masterKey, masterKeyOffset, input, inputOffset, inputLength, output, outputOffset);
                    break;
                default:
                    throw new ArgumentException("AN10922 defines no single-DES diversification");
            }
        }

        /// <summary>Derives the 16-byte AES-128 card key from the master key and M (1..31 bytes).</summary>
        public void DiversifyAes128(byte[] masterKey, int masterKeyOffset, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset)
        {
            CheckInput(inputLength, MaxInputLength);
            _aes.SetKey(masterKey, masterKeyOffset);
            _cmac.DeriveSubkeys();
            Part(_cmac, _cbc, 16, AesConstant, input, inputOffset, inputLength, output, outputOffset);

            Array.Clear(_d, 0, _d.Length);
            _aes.SetKey(_d, 0);
            _cmac.DeriveSubkeys();
            _cbc.ResetIv();
        }

        /// <summary>
        /// Derives the 16-byte 2K3DES card key from a 16-byte 2K3DES master key and M (1..15 bytes): the parts for 0x21
        /// and 0x22, with the master key's version in the parity bits of the first eight bytes.
        /// </summary>
        public void DiversifyTwoKeyTripleDes(byte[] masterKey, int masterKeyOffset, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset)
        {
            DiversifyTdea(16, 2, TwoKeyConstant, masterKey, masterKeyOffset, input, inputOffset, inputLength, output, outputOffset);
        }

        /// <summary>
        /// Derives the 24-byte 3K3DES card key from a 24-byte 3K3DES master key and M (1..15 bytes): the parts for 0x31,
        /// 0x32 and 0x33, with the master key's version in the parity bits of the first eight bytes.
        /// </summary>
        public void DiversifyThreeKeyTripleDes(byte[] masterKey, int masterKeyOffset, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset)
        {
            DiversifyTdea(24, 3, ThreeKeyConstant, masterKey, masterKeyOffset, input, inputOffset, inputLength, output, outputOffset);
        }

        private static void CheckInput(int inputLength, int max)
        {
            if (inputLength < 1 || inputLength > max)
            {
                throw new ArgumentException(max == MaxInputLength ? "AN10922 input must be 1..31 bytes" : "AN10922 TDEA input must be 1..15 bytes");
            }
        }

        private void DiversifyTdea(int keyLength, int parts, byte firstConstant, byte[] masterKey, int masterKeyOffset, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset)
        {
            CheckInput(inputLength, MaxTdeaInputLength);
            int version = 0;
            for (int i = 0; i < 8; i++)
            {
                version = (version << 1) | (masterKey[masterKeyOffset + i] & 0x01);
            }

            _tdes.SetKey(masterKey, masterKeyOffset, keyLength);
            _tdesCmac.DeriveSubkeys();
            for (int i = 0; i < parts; i++)
            {
                Part(_tdesCmac, _tdesCbc, 8, (byte)(firstConstant + i), input, inputOffset, inputLength, output, outputOffset + 8 * i);
            }

            // Key version (the parity bits of the first eight bytes, most significant bit first) as the master key's.
            for (int i = 0; i < 8; i++)
            {
                output[outputOffset + i] = (byte)((output[outputOffset + i] & 0xFE) | ((version >> (7 - i)) & 0x01));
            }

            Array.Clear(_d, 0, _d.Length);
            _tdes.SetKey(_d, 0, 16);
            _tdesCmac.DeriveSubkeys();
            _tdesCbc.ResetIv();
        }

        /// <summary>
        /// One key part: the last block of CBC (IV zero) over D = constant ‖ M taken to two blocks (padded and XORed with
        /// K2, or XORed with K1 when full), written to <paramref name="output"/>; the cipher's key and subkeys are set.
        /// </summary>
        private void Part(Cmac cmac, CbcMode cbc, int block, byte constant, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset)
        {
            int length = 2 * block;
            Array.Clear(_d, 0, _d.Length);
            _d[0] = constant;
            Array.Copy(input, inputOffset, _d, 1, inputLength);
            if (1 + inputLength < length)
            {
                _d[1 + inputLength] = 0x80;
                cmac.GetSubkey2(_subkey, 0);
            }
            else
            {
                cmac.GetSubkey1(_subkey, 0);
            }

            for (int i = 0; i < block; i++)
            {
                _d[block + i] ^= _subkey[i];
            }

            cbc.ResetIv();
            cbc.Encrypt(_d, 0, length);
            Array.Copy(_d, block, output, outputOffset, block);

            Array.Clear(_d, 0, _d.Length);
            Array.Clear(_subkey, 0, _subkey.Length);
        }
    }
}
