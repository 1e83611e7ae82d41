using System;
using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Drivers.Desfire
{
    /// <summary>
    /// The PCD side of the DESFire EV1 three-pass mutual authentication (NXP MF3ICDx81 datasheet, "Authenticate",
    /// "AuthenticateISO", "AuthenticateAES"): the card sends ek(RndB); the reader answers ek(RndA ‖ RndB') (RndB rotated
    /// left by one byte); the card proves it decrypted that by returning ek(RndA'). Both then hold a session key built
    /// from RndA and RndB (<see cref="SessionKeys"/>).
    /// </summary>
    /// <remarks>
    /// <para>Chaining (as the published DESFire EV1 communication examples by Elmue show byte for byte): for 0x1A and
    /// 0xAA the IV is cleared once when authentication starts and then runs through all three cryptograms as one CBC
    /// stream (RECEIVE+DECIPHER, SEND+ENCIPHER, RECEIVE+DECIPHER). For the legacy 0x0A the IV is zero for every
    /// cryptogram and the reader enciphers with the cipher's decryption (<see cref="CbcMode.LegacySend"/>).</para>
    /// <para>A DES key (or a 2K3DES key whose halves are equal, parity/version bits ignored) yields a single-DES session
    /// key RndA[0..3] ‖ RndB[0..3]. Allocates only at construction; <see cref="Wipe"/> erases key and randoms.</para>
    /// </remarks>
    public sealed class DesfireAuthentication
    {
        /// <summary>Longest RndA/RndB (AES and 3K3DES), bytes.</summary>
        public const int MaxRandomLength = 16;

        private readonly DesfireCipher _cipher = new DesfireCipher();
        private readonly byte[] _rndA = new byte[MaxRandomLength];
        private readonly byte[] _rndB = new byte[MaxRandomLength];
        private readonly byte[] _token = new byte[2 * MaxRandomLength];
        private readonly byte[] _sessionKey = new byte[24];
        private DesfireKeyType _keyType;
        private bool _legacy;
        private bool _singleDes;
        private int _randomLength;

        /// <summary>Length of RndA and RndB of the running authentication: 8 (DES, 2K3DES) or 16 (3K3DES, AES).</summary>
        public int RandomLength
        {
            get { return _randomLength; }
        }

        /// <summary>The secure messaging the session key is used with.</summary>
        public DesfireSecureMessagingScheme Scheme
        {
            get { return _legacy ? DesfireSecureMessagingScheme.Legacy : DesfireSecureMessagingScheme.Ev1; }
        }

        /// <summary>Type of the session key after <see cref="VerifyProof"/>: single DES for DES keys, else the key's type.</summary>
        public DesfireKeyType SessionKeyType
        {
            get { return _singleDes ? DesfireKeyType.Des : _keyType; }
        }

        /// <summary>The session key after <see cref="VerifyProof"/> (length by <see cref="SessionKeyType"/>).</summary>
        public byte[] SessionKey
        {
            get { return _sessionKey; }
        }

        /// <summary>
        /// Starts: sets the key and writes the first command (code, key number) to <paramref name="output"/>; returns its
        /// length (2).
        /// </summary>
        public int Begin(DesfireAuthenticationCommand command, DesfireKeyType keyType, byte[] key, int keyOffset, int keyNumber, byte[] output, int outputOffset)
        {
            byte code;
            switch (command)
            {
                case DesfireAuthenticationCommand.Legacy: code = DesfireCommandCode.Authenticate; break;
                case DesfireAuthenticationCommand.Iso: code = DesfireCommandCode.AuthenticateIso; break;
                case DesfireAuthenticationCommand.Aes: code = DesfireCommandCode.AuthenticateAes; break;
                default: throw new ArgumentException("resolve the authentication command first");
            }

            _cipher.SetKey(keyType, key, keyOffset);
            _keyType = keyType;
            _legacy = command == DesfireAuthenticationCommand.Legacy;
            _singleDes = keyType == DesfireKeyType.Des
                || (keyType == DesfireKeyType.TwoKeyTripleDes && HalvesEqual(key, keyOffset));
            _randomLength = keyType == DesfireKeyType.Aes128 || keyType == DesfireKeyType.ThreeKeyTripleDes ? 16 : 8;
            output[outputOffset] = code;
            output[outputOffset + 1] = (byte)keyNumber;
            return 2;
        }

        /// <summary>
        /// Answers the card's challenge ek(RndB) (<paramref name="count"/> bytes) with AF ‖ ek(RndA ‖ RndB'), RndA being
        /// <see cref="RandomLength"/> bytes from <paramref name="rndA"/>. Returns the command length, or -1 when the
        /// challenge has the wrong length.
        /// </summary>
        public int AnswerChallenge(byte[] challenge, int offset, int count, byte[] rndA, int rndAOffset, byte[] output, int outputOffset)
        {
            int n = _randomLength;
            if (count != n)
            {
                return -1;
            }

            CbcMode cbc = _cipher.Cbc;
            Array.Copy(challenge, offset, _rndB, 0, n);
            cbc.ResetIv();
            cbc.Decrypt(_rndB, 0, n);
            Array.Copy(rndA, rndAOffset, _rndA, 0, n);
            Array.Copy(_rndA, 0, _token, 0, n);
            for (int i = 0; i < n; i++)
            {
                _token[n + i] = _rndB[(i + 1) % n];
            }

            if (_legacy)
            {
                cbc.ResetIv();
                cbc.LegacySend(_token, 0, 2 * n);
            }
            else
            {
                cbc.Encrypt(_token, 0, 2 * n);
            }

            output[outputOffset] = DesfireCommandCode.AdditionalFrame;
            Array.Copy(_token, 0, output, outputOffset + 1, 2 * n);
            return 1 + 2 * n;
        }

        /// <summary>
        /// Checks the card's proof ek(RndA') and, when it holds, derives the session key. False for a wrong length or a
        /// RndA' that does not match (the card does not know the key, or the answer was tampered with).
        /// </summary>
        public bool VerifyProof(byte[] proof, int offset, int count)
        {
            int n = _randomLength;
            if (count != n)
            {
                return false;
            }

            CbcMode cbc = _cipher.Cbc;
            Array.Copy(proof, offset, _token, 0, n);
            if (_legacy)
            {
                cbc.ResetIv();
            }

            cbc.Decrypt(_token, 0, n);
            int difference = 0;
            for (int i = 0; i < n; i++)
            {
                difference |= _token[i] ^ _rndA[(i + 1) % n];
            }

            if (difference != 0)
            {
                return false;
            }

            switch (_keyType)
            {
                case DesfireKeyType.Aes128:
                    SessionKeys.Aes(_rndA, _rndB, _sessionKey);
                    break;
                case DesfireKeyType.ThreeKeyTripleDes:
                    SessionKeys.ThreeKeyTripleDes(_rndA, _rndB, _sessionKey);
                    break;
                default:
                    SessionKeys.TwoKeyTripleDes(_rndA, _rndB, _sessionKey);
                    if (_singleDes)
                    {
                        // DES: RndA[0..3] ‖ RndB[0..3] only (first 8 bytes); cleared beyond so nothing stale remains.
                        Array.Clear(_sessionKey, 8, _sessionKey.Length - 8);
                    }

                    break;
            }

            return true;
        }

        /// <summary>Erases key, randoms and session key.</summary>
        public void Wipe()
        {
            _cipher.Wipe();
            Array.Clear(_rndA, 0, _rndA.Length);
            Array.Clear(_rndB, 0, _rndB.Length);
            Array.Clear(_token, 0, _token.Length);
            Array.Clear(_sessionKey, 0, _sessionKey.Length);
        }

        private static bool HalvesEqual(byte[] key, int offset)
        {
            for (int i = 0; i < 8; i++)
            {
                // The parity bits (LSB) carry the key version on DESFire, so they do not make two halves different.
                if (((key[offset + i] ^ key[offset + 8 + i]) & 0xFE) != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
