using System;
using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Drivers.Desfire
{
    /// <summary>
    /// The block cipher of one DESFire key, with CBC and CMAC over it: AES-128 for AES keys, TDEA for DES (as K ‖ K, which
    /// TDEA reduces to single DES), 2K3DES and 3K3DES keys. Holds the key material in its own buffer so that
    /// <see cref="Wipe"/> can erase it. Allocates only at construction.
    /// </summary>
    public sealed class DesfireCipher
    {
        private readonly Aes128 _aes = new Aes128();
        private readonly TripleDes _tdes = new TripleDes();
        private readonly CbcMode _aesCbc;
        private readonly CbcMode _tdesCbc;
        private readonly Cmac _aesCmac;
        private readonly Cmac _tdesCmac;
        private readonly byte[] _key = new byte[24];
        private bool _isAes;

        /// <summary>Creates the cipher with no key.</summary>
        public DesfireCipher()
        {
            _aesCbc = new CbcMode(_aes);
            _tdesCbc = new CbcMode(_tdes);
            _aesCmac = new Cmac(_aes);
            _tdesCmac = new Cmac(_tdes);
        }

        /// <summary>16 for AES, 8 for DES/TDEA.</summary>
        public int BlockSize
        {
            get { return _isAes ? Aes128.Size : TripleDes.Size; }
        }

        /// <summary>CBC over the current key.</summary>
        public CbcMode Cbc
        {
            get { return _isAes ? _aesCbc : _tdesCbc; }
        }

        /// <summary>CMAC over the current key (subkeys derived on <see cref="SetKey"/>).</summary>
        public Cmac Cmac
        {
            get { return _isAes ? _aesCmac : _tdesCmac; }
        }

        /// <summary>
        /// Sets a key of <paramref name="type"/> from <paramref name="key"/> at <paramref name="offset"/> (8, 16, 16 or 24
        /// bytes); a DES key becomes the TDEA bundle K ‖ K. The IV is reset.
        /// </summary>
        public void SetKey(DesfireKeyType type, byte[] key, int offset)
        {
            int length = DesfireSessionSettings.KeyLengthOf(type);
            if (key == null || offset < 0 || offset + length > key.Length)
            {
                throw new ArgumentException("key buffer too short for its type");
            }

            Array.Copy(key, offset, _key, 0, length);
            if (type == DesfireKeyType.Aes128)
            {
                _isAes = true;
                _aes.SetKey(_key, 0);
            }
            else
            {
                _isAes = false;
                if (type == DesfireKeyType.Des)
                {
                    Array.Copy(_key, 0, _key, 8, 8);
                    length = 16;
                }

                _tdes.SetKey(_key, 0, length);
            }

            Cmac.DeriveSubkeys();
            Cbc.ResetIv();
        }

        /// <summary>Overwrites the key material and key schedules with zeros.</summary>
        public void Wipe()
        {
            Array.Clear(_key, 0, _key.Length);
            _aes.SetKey(_key, 0);
            _tdes.SetKey(_key, 0, 24);
            _aesCmac.DeriveSubkeys();
            _tdesCmac.DeriveSubkeys();
            _aesCbc.ResetIv();
            _tdesCbc.ResetIv();
        }
    }
}
