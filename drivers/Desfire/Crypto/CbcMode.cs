using System;

namespace Wallbox.Drivers.Desfire.Crypto
{
    /// <summary>
    /// Cipher block chaining over an <see cref="IBlockCipher"/>, in place over (offset, count) with a chaining value
    /// that persists between calls, as DESFire needs it.
    /// </summary>
    /// <remarks>
    /// <para><see cref="Encrypt"/> and <see cref="Decrypt"/> are CBC as specified in NIST SP 800-38A §6.2:
    /// C_j = CIPH_K(P_j xor C_(j-1)) and P_j = CIPH^-1_K(C_j) xor C_(j-1), with C_0 = IV. After a call the chaining
    /// value holds the last ciphertext block, so consecutive calls form one CBC stream. This is the DESFire EV1
    /// "native" AES / 3K3DES / ISO-authenticated chaining, where the IV is cleared once after authentication and
    /// then carried across commands and responses.</para>
    /// <para><see cref="LegacySend"/> is the DESFire legacy (D40, command 0x0A with DES/2K3DES) send mode, in which
    /// the PCD uses the block cipher's <em>decryption</em> to encipher: Y_j = CIPH^-1_K(X_j xor Y_(j-1)). The card
    /// undoes it with its encryption function. Legacy receive mode is ordinary CBC decryption (<see cref="Decrypt"/>).
    /// In legacy mode the chaining value starts at zero for each command; call <see cref="ResetIv"/> first.</para>
    /// <para>Not thread-safe; allocates only in the constructor.</para>
    /// </remarks>
    public sealed class CbcMode
    {
        private readonly IBlockCipher _cipher;
        private readonly int _blockSize;
        private readonly byte[] _iv;
        private readonly byte[] _saved;

        /// <summary>Chains over <paramref name="cipher"/> (whose key is set separately); the IV starts at zero.</summary>
        public CbcMode(IBlockCipher cipher)
        {
            if (cipher == null)
            {
                throw new ArgumentNullException("cipher");
            }

            _cipher = cipher;
            _blockSize = cipher.BlockSize;
            _iv = new byte[_blockSize];
            _saved = new byte[_blockSize];
        }

        /// <summary>The block cipher underneath.</summary>
        public IBlockCipher Cipher
        {
            get { return _cipher; }
        }

        /// <summary>Sets the chaining value to all zeros (start of a session, or of a legacy-mode command).</summary>
        public void ResetIv()
        {
            Array.Clear(_iv, 0, _blockSize);
        }

        /// <summary>Sets the chaining value from <paramref name="iv"/> at <paramref name="offset"/>.</summary>
        public void SetIv(byte[] iv, int offset)
        {
            Array.Copy(iv, offset, _iv, 0, _blockSize);
        }

        /// <summary>Copies the current chaining value out.</summary>
        public void GetIv(byte[] destination, int offset)
        {
            Array.Copy(_iv, 0, destination, offset, _blockSize);
        }

        /// <summary>CBC encryption in place (SP 800-38A §6.2); <paramref name="count"/> is a multiple of the block size.</summary>
        public void Encrypt(byte[] data, int offset, int count)
        {
            CheckRange(data, offset, count);
            for (int p = offset; p < offset + count; p += _blockSize)
            {
                for (int i = 0; i < _blockSize; i++)
                {
                    data[p + i] ^= _iv[i];
                }

                _cipher.EncryptBlock(data, p, data, p);
                Array.Copy(data, p, _iv, 0, _blockSize);
            }
        }

        /// <summary>CBC decryption in place (SP 800-38A §6.2); <paramref name="count"/> is a multiple of the block size.</summary>
        public void Decrypt(byte[] data, int offset, int count)
        {
            CheckRange(data, offset, count);
            for (int p = offset; p < offset + count; p += _blockSize)
            {
                Array.Copy(data, p, _saved, 0, _blockSize);
                _cipher.DecryptBlock(data, p, data, p);
                for (int i = 0; i < _blockSize; i++)
                {
                    data[p + i] ^= _iv[i];
                    _iv[i] = _saved[i];
                }
            }
        }

        /// <summary>
        /// DESFire legacy send mode in place: each block is XORed with the previous output and then passed through the
        /// cipher's decryption, Y_j = CIPH^-1_K(X_j xor Y_(j-1)), Y_0 = chaining value.
        /// </summary>
        public void LegacySend(byte[] data, int offset, int count)
        {
            CheckRange(data, offset, count);
            for (int p = offset; p < offset + count; p += _blockSize)
            {
                for (int i = 0; i < _blockSize; i++)
                {
                    data[p + i] ^= _iv[i];
                }

                _cipher.DecryptBlock(data, p, data, p);
                Array.Copy(data, p, _iv, 0, _blockSize);
            }
        }

        private void CheckRange(byte[] data, int offset, int count)
        {
            if (data == null || offset < 0 || count < 0 || offset + count > data.Length || count % _blockSize != 0)
            {
                throw new ArgumentException("CBC needs whole blocks inside the buffer");
            }
        }
    }
}
