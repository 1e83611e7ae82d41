namespace Wallbox.Hal.Simulation;

/// <summary>Key types of a simulated MIFARE DESFire EV1 application (NXP MF3ICDx81 datasheet, "Keys").</summary>
public enum SimulatedDesfireKeyType
{
    /// <summary>Single DES (8 bytes; stored as a 2K3DES key with equal halves on a real card).</summary>
    Des,

    /// <summary>Two-key triple DES, 16 bytes (equal halves, parity bits ignored, behave as DES).</summary>
    TwoKeyTripleDes,

    /// <summary>Three-key triple DES, 24 bytes.</summary>
    ThreeKeyTripleDes,

    /// <summary>AES-128, 16 bytes.</summary>
    Aes128,
}
