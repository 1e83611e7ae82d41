using System;

namespace Wallbox.Drivers.Desfire.Crypto
{
    /// <summary>
    /// Session keys of DESFire EV1 authentication, built from the two random numbers exchanged during Authenticate
    /// (RndA from the PCD, RndB from the card). The byte selections are those of the MIFARE DESFire EV1 datasheet
    /// (MF3ICDx21/41/81, "Authentication"; distributed by NXP under NDA) as widely reproduced in public DESFire
    /// implementations; the later EV2 scheme (AN12343, MIFARE DESFire Light) derives keys differently via CMAC and is
    /// not this.
    /// </summary>
    public static class SessionKeys
    {
        /// <summary>AES (Authenticate 0xAA): RndA[0..3] ‖ RndB[0..3] ‖ RndA[12..15] ‖ RndB[12..15], 16 bytes.</summary>
        public static void Aes(byte[] rndA, byte[] rndB, byte[] sessionKey)
        {
            Check(rndA, rndB, sessionKey, 16, 16);
            Array.Copy(rndA, 0, sessionKey, 0, 4);
            Array.Copy(rndB, 0, sessionKey, 4, 4);
            Array.Copy(rndA, 12, sessionKey, 8, 4);
            Array.Copy(rndB, 12, sessionKey, 12, 4);
        }

        /// <summary>
        /// 2K3DES (Authenticate 0x0A/0x1A with 8-byte randoms): RndA[0..3] ‖ RndB[0..3] ‖ RndA[4..7] ‖ RndB[4..7],
        /// 16 bytes. For a single-DES key (both halves equal) the session key is the first 8 bytes, repeated.
        /// </summary>
        public static void TwoKeyTripleDes(byte[] rndA, byte[] rndB, byte[] sessionKey)
        {
            Check(rndA, rndB, sessionKey, 8, 16);
            Array.Copy(rndA, 0, sessionKey, 0, 4);
            Array.Copy(rndB, 0, sessionKey, 4, 4);
            Array.Copy(rndA, 4, sessionKey, 8, 4);
            Array.Copy(rndB, 4, sessionKey, 12, 4);
        }

        /// <summary>
        /// 3K3DES (Authenticate 0x1A with 16-byte randoms):
        /// RndA[0..3] ‖ RndB[0..3] ‖ RndA[6..9] ‖ RndB[6..9] ‖ RndA[12..15] ‖ RndB[12..15], 24 bytes.
        /// </summary>
        public static void ThreeKeyTripleDes(byte[] rndA, byte[] rndB, byte[] sessionKey)
        {
            Check(rndA, rndB, sessionKey, 16, 24);
            Array.Copy(rndA, 0, sessionKey, 0, 4);
            Array.Copy(rndB, 0, sessionKey, 4, 4);
            Array.Copy(rndA, 6, sessionKey, 8, 4);
            Array.Copy(rndB, 6, sessionKey, 12, 4);
            Array.Copy(rndA, 12, sessionKey, 16, 4);
            Array.Copy(rndB, 12, sessionKey, 20, 4);
        }

        private static void Check(byte[] rndA, byte[] rndB, byte[] sessionKey, int randomLength, int keyLength)
        {
            if (rndA == null || rndB == null || sessionKey == null
                || rndA.Length < randomLength || rndB.Length < randomLength || sessionKey.Length < keyLength)
            {
                throw new ArgumentException("random numbers or session key buffer too short");
            }
        }
    }
}
