namespace Wallbox.Hal.Simulation;

/// <summary>Communication settings byte of a DESFire file (NXP MF3ICDx81 datasheet, "Communication modes").</summary>
public enum SimulatedDesfireCommunicationMode
{
    /// <summary>Plain communication (0x00).</summary>
    Plain = 0x00,

    /// <summary>Plain communication secured by MAC/CMAC (0x01).</summary>
    Maced = 0x01,

    /// <summary>Fully enciphered communication (0x03).</summary>
    Enciphered = 0x03,
}
