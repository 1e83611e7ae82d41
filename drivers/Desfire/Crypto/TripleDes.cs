using System;

namespace Wallbox.Drivers.Desfire.Crypto
{
    /// <summary>
    /// The Triple Data Encryption Algorithm (NIST SP 800-67 Rev. 2 §3): encryption is E_K3(D_K2(E_K1(P))) and
    /// decryption D_K1(E_K2(D_K3(C))) (the EDE form, §3.1–3.2). Keying option 1 uses three independent keys (DESFire
    /// "3K3DES", 24-byte key); keying option 2 sets K3 = K1 (DESFire "2K3DES", 16-byte key). A 16-byte key whose halves
    /// are equal degenerates to single DES, which is how DESFire represents DES keys in 2K3DES form.
    /// </summary>
    /// <remarks>Key schedules are computed once per key; a block operation allocates nothing.</remarks>
    public sealed class TripleDes : IBlockCipher
    {
        /// <summary>Bytes per block.</summary>
        public const int Size = 8;

        private readonly Des _k1 = new Des();
        private readonly Des _k2 = new Des();
        private readonly Des _k3 = new Des();
        private readonly byte[] _scratch = new byte[Size];
        private bool _hasKey;

        /// <inheritdoc />
        public int BlockSize
        {
            get { return Size; }
        }

        /// <summary>
        /// Sets a 16-byte (keying option 2: K1 ‖ K2, K3 = K1) or 24-byte (keying option 1: K1 ‖ K2 ‖ K3) key bundle
        /// (SP 800-67 Rev. 2 §3.1).
        /// </summary>
        public void SetKey(byte[] key, int offset, int length)
        {
            if (key == null || offset < 0 || (length != 16 && length != 24) || offset + length > key.Length)
            {
                throw new ArgumentException("TDEA key bundle needs 16 or 24 bytes");
            }

            _k1.SetKey(key, offset);
            _k2.SetKey(key, offset + 8);
            _k3.SetKey(key, length == 24 ? offset + 16 : offset);
            _hasKey = true;
        }

        /// <summary>Sets a 16-byte two-key bundle (keying option 2).</summary>
        public void SetKey(byte[] key, int offset)
        {
            SetKey(key, offset, 16);
        }

        /// <summary>TDEA encryption operation E_K3(D_K2(E_K1(I))) (SP 800-67 Rev. 2 §3.1).</summary>
        public void EncryptBlock(byte[] input, int inOffset, byte[] output, int outOffset)
        {
            RequireKey();
            _k1.EncryptBlock(input, inOffset, _scratch, 0);
            _k2.DecryptBlock(_scratch, 0, _scratch, 0);
            _k3.EncryptBlock(_scratch, 0, output, outOffset);
        }

        /// <summary>TDEA decryption operation D_K1(E_K2(D_K3(I))) (SP 800-67 Rev. 2 §3.2).</summary>
        public void DecryptBlock(byte[] input, int inOffset, byte[] output, int outOffset)
        {
            RequireKey();
            _k3.DecryptBlock(input, inOffset, _scratch, 0);
            _k2.EncryptBlock(_scratch, 0, _scratch, 0);
            _k1.DecryptBlock(_scratch, 0, output, outOffset);
        }

        private void RequireKey()
        {
            if (!_hasKey)
            {
                throw new InvalidOperationException("TDEA key not set");
            }
        }
    }
}
