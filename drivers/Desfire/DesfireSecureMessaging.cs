using System;
using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Drivers.Desfire
{
    /// <summary>
    /// Protection of the commands and responses that follow an authentication, PCD side: keeps the session key and, in
    /// the EV1 scheme, the IV chain; checks MACs, CMACs and CRCs of responses and deciphers them.
    /// </summary>
    /// <remarks>
    /// <para>EV1 scheme (after 0x1A/0xAA), as described in the published DESFire EV1 communication examples (Elmue) and
    /// implemented by libfreefare: the IV is zero after authentication; every command (code ‖ parameters, never the
    /// 0xAF continuation frames) is CMACed with the IV as chaining value and the full CMAC becomes the IV
    /// (<see cref="CommandSent"/>); a successful plain or MACed response carries the first 8 bytes of
    /// CMAC(data ‖ status), which becomes the next IV (<see cref="VerifyMac"/>); an enciphered response is CBC-deciphered
    /// from the IV (the last ciphertext block becomes the IV) and holds data ‖ CRC32(data ‖ status) ‖ zero padding
    /// (<see cref="Decipher"/>). CMAC per NIST SP 800-38B.</para>
    /// <para>Legacy scheme (after 0x0A): the IV is zero for every cryptogram; MACed data ends with the first 4 bytes of the
    /// last block of the CBC encryption of the zero-padded data; enciphered data holds data ‖ CRC16(data) ‖ zero padding
    /// (libfreefare mifare_desfire_crypto.c). Plain data is unprotected.</para>
    /// <para>Allocates only at construction. Comparisons of MACs and CRCs do not stop at the first difference.</para>
    /// </remarks>
    public sealed class DesfireSecureMessaging
    {
        /// <summary>Bytes of the CMAC transmitted in the EV1 scheme.</summary>
        public const int Ev1MacLength = 8;

        /// <summary>Bytes of the MAC of MACed data in the legacy scheme.</summary>
        public const int LegacyMacLength = 4;

        private readonly DesfireCipher _cipher = new DesfireCipher();
        private readonly byte[] _iv = new byte[16];
        private readonly byte[] _mac = new byte[16];
        private readonly byte[] _work;

        /// <summary>Handles responses of up to <paramref name="capacity"/> bytes.</summary>
        public DesfireSecureMessaging(int capacity)
        {
            _work = new byte[capacity + 16];
        }

        /// <summary>The scheme in force.</summary>
        public DesfireSecureMessagingScheme Scheme { get; private set; }

        /// <summary>Starts protecting with a fresh session key (IV zero).</summary>
        public void Begin(DesfireSecureMessagingScheme scheme, DesfireKeyType sessionKeyType, byte[] sessionKey)
        {
            _cipher.SetKey(sessionKeyType, sessionKey, 0);
            Array.Clear(_iv, 0, _iv.Length);
            Scheme = scheme;
        }

        /// <summary>Ends the session (error status, deselection): the key is wiped, nothing is protected any more.</summary>
        public void End()
        {
            Scheme = DesfireSecureMessagingScheme.None;
            _cipher.Wipe();
            Array.Clear(_iv, 0, _iv.Length);
            Array.Clear(_mac, 0, _mac.Length);
            Array.Clear(_work, 0, _work.Length);
        }

        /// <summary>Copies the current IV out (block size bytes), for tests against published traces.</summary>
        public void GetIv(byte[] destination, int offset)
        {
            Array.Copy(_iv, 0, destination, offset, _cipher.BlockSize);
        }

        /// <summary>EV1: advances the IV by the CMAC of the command just sent (code ‖ parameters). Legacy, none: nothing.</summary>
        public void CommandSent(byte[] command, int offset, int count)
        {
            if (Scheme == DesfireSecureMessagingScheme.Ev1)
            {
                _cipher.Cmac.Compute(_iv, command, offset, count, _mac, 0);
            }
        }

        /// <summary>
        /// Checks a successful plain (<paramref name="maced"/> false) or MACed response of <paramref name="count"/> data
        /// bytes (status byte not included) and returns the length of the data without MAC, or -1 when it does not verify.
        /// EV1: both carry an 8-byte CMAC over data ‖ status. Legacy: only MACed data carries a 4-byte MAC. None: plain only.
        /// </summary>
        public int VerifyMac(byte[] data, int offset, int count, int status, bool maced)
        {
            if (Scheme == DesfireSecureMessagingScheme.Ev1)
            {
                int n = count - Ev1MacLength;
                if (n < 0 || n + 1 > _work.Length)
                {
                    return -1;
                }

                Array.Copy(data, offset, _work, 0, n);
                _work[n] = (byte)status;
                _cipher.Cmac.Compute(_iv, _work, 0, n + 1, _mac, 0);
                return Same(_mac, 0, data, offset + n, Ev1MacLength) ? n : -1;
            }

            if (Scheme == DesfireSecureMessagingScheme.Legacy && maced)
            {
                int n = count - LegacyMacLength;
                int blockSize = _cipher.BlockSize;
                int padded = (n + blockSize - 1) / blockSize * blockSize;
                if (n < 0 || padded > _work.Length)
                {
                    return -1;
                }

                if (padded == 0)
                {
                    padded = blockSize;
                }

                Array.Clear(_work, 0, padded);
                Array.Copy(data, offset, _work, 0, n);
                CbcMode cbc = _cipher.Cbc;
                cbc.ResetIv();
                cbc.Encrypt(_work, 0, padded);
                return Same(_work, padded - blockSize, data, offset + n, LegacyMacLength) ? n : -1;
            }

            return maced && Scheme == DesfireSecureMessagingScheme.None ? -1 : count;
        }

        /// <summary>
        /// Deciphers an enciphered response in place and checks CRC and padding. <paramref name="expectedLength"/> is the
        /// data length when known, else -1 (the CRC position is then searched from the end). Returns the data length, or
        /// -1 when the response does not verify.
        /// </summary>
        public int Decipher(byte[] data, int offset, int count, int status, int expectedLength)
        {
            int blockSize = _cipher.BlockSize;
            if (Scheme == DesfireSecureMessagingScheme.None || count == 0 || count % blockSize != 0 || count > _work.Length - 1)
            {
                return -1;
            }

            CbcMode cbc = _cipher.Cbc;
            if (Scheme == DesfireSecureMessagingScheme.Legacy)
            {
                cbc.ResetIv();
                cbc.Decrypt(data, offset, count);
            }
            else
            {
                cbc.SetIv(_iv, 0);
                cbc.Decrypt(data, offset, count);
                cbc.GetIv(_iv, 0);
            }

            int crcSize = Scheme == DesfireSecureMessagingScheme.Legacy ? DesfireCrc16.Size : DesfireCrc32.Size;
            if (expectedLength >= 0)
            {
                return CheckLayout(data, offset, count, status, expectedLength, crcSize, blockSize) ? expectedLength : -1;
            }

            for (int n = count - crcSize; n >= 0 && count - n - crcSize < blockSize; n--)
            {
                if (CheckLayout(data, offset, count, status, n, crcSize, blockSize))
                {
                    return n;
                }
            }

            return -1;
        }

        private bool CheckLayout(byte[] data, int offset, int count, int status, int length, int crcSize, int blockSize)
        {
            int padding = count - length - crcSize;
            if (padding < 0 || padding >= blockSize)
            {
                return false;
            }

            int nonZero = 0;
            for (int i = offset + length + crcSize; i < offset + count; i++)
            {
                nonZero |= data[i];
            }

            uint expected;
            if (crcSize == DesfireCrc16.Size)
            {
                expected = (uint)DesfireCrc16.Compute(data, offset, length);
            }
            else
            {
                Array.Copy(data, offset, _work, 0, length);
                _work[length] = (byte)status;
                expected = DesfireCrc32.Compute(_work, 0, length + 1);
            }

            uint received = 0;
            for (int i = crcSize - 1; i >= 0; i--)
            {
                received = (received << 8) | data[offset + length + i];
            }

            return nonZero == 0 && received == expected;
        }

        private static bool Same(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }

            return difference == 0;
        }
    }
}
