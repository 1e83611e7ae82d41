using System;
using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Drivers.Desfire
{
    /// <summary>
    /// AES-128 key diversification of NXP AN10922 "Symmetric key diversifications" §2.2: the card key is a CMAC of the
    /// diversification input under the master key, so each card holds its own key and the master key never leaves the
    /// reader.
    /// </summary>
    /// <remarks>
    /// <para>Algorithm (AN10922 §2.2, example in §2.2.1): M = UID ‖ AID ‖ system identifier (1..31 bytes);
    /// D = 0x01 ‖ M; if D is shorter than 32 bytes it is padded with 0x80 00…00 to 32 bytes and its last block is XORed
    /// with CMAC subkey K2, else with K1 (subkeys as NIST SP 800-38B §6.1); the key is the last block of the AES-CBC
    /// encryption (IV zero) of D. Unlike a plain CMAC, D is always padded to two blocks.</para>
    /// <para>The AID enters M as on the air, least significant byte first: AN10922's example AID bytes 30 42 F5 are the
    /// AID 0xF54230. Allocates only at construction; wipes its working copy after each use.</para>
    /// </remarks>
    public sealed class An10922KeyDiversification
    {
        /// <summary>Longest diversification input M, bytes.</summary>
        public const int MaxInputLength = 31;

        private readonly Aes128 _aes = new Aes128();
        private readonly Cmac _cmac;
        private readonly CbcMode _cbc;
        private readonly byte[] _d = new byte[32];
        private readonly byte[] _subkey = new byte[16];

        /// <summary>Creates the diversifier.</summary>
        public An10922KeyDiversification()
        {
            _cmac = new Cmac(_aes);
            _cbc = new CbcMode(_aes);
        }

        /// <summary>
        /// Writes M = UID ‖ AID (LSB first) ‖ system identifier to <paramref name="output"/> and returns its length, or -1
        /// when it would exceed 31 bytes.
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

        /// <summary>Derives the 16-byte AES-128 card key from the master key and M (1..31 bytes).</summary>
        public void DiversifyAes128(byte[] masterKey, int masterKeyOffset, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset)
        {
            if (inputLength < 1 || inputLength > MaxInputLength)
            {
                throw new ArgumentException("AN10922 input must be 1..31 bytes");
            }

            _aes.SetKey(masterKey, masterKeyOffset);
            _cmac.DeriveSubkeys();
            Array.Clear(_d, 0, _d.Length);
            _d[0] = 0x01;
            Array.Copy(input, inputOffset, _d, 1, inputLength);
            if (inputLength < MaxInputLength)
            {
                _d[1 + inputLength] = 0x80;
                _cmac.GetSubkey2(_subkey, 0);
            }
            else
            {
                _cmac.GetSubkey1(_subkey, 0);
            }

            for (int i = 0; i < 16; i++)
            {
                _d[16 + i] ^= _subkey[i];
            }

            _cbc.ResetIv();
            _cbc.Encrypt(_d, 0, 32);
            Array.Copy(_d, 16, output, outputOffset, 16);

            Array.Clear(_d, 0, _d.Length);
            Array.Clear(_subkey, 0, _subkey.Length);
            _aes.SetKey(_d, 0);
            _cmac.DeriveSubkeys();
            _cbc.ResetIv();
        }
    }
}
