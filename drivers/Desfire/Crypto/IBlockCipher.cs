namespace Wallbox.Drivers.Desfire.Crypto
{
    /// <summary>
    /// A keyed block cipher in raw (ECB) form: one block in, one block out. Modes of operation (NIST SP 800-38A §6.2
    /// CBC, SP 800-38B CMAC) are built on top of it. Input and output may be the same buffer and offset.
    /// </summary>
    public interface IBlockCipher
    {
        /// <summary>Block size in bytes: 16 for AES, 8 for DES and TDEA.</summary>
        int BlockSize { get; }

        /// <summary>Enciphers one block of <see cref="BlockSize"/> bytes.</summary>
        void EncryptBlock(byte[] input, int inOffset, byte[] output, int outOffset);

        /// <summary>Deciphers one block of <see cref="BlockSize"/> bytes.</summary>
        void DecryptBlock(byte[] input, int inOffset, byte[] output, int outOffset);
    }
}
