namespace Wallbox.Hal.Simulation;

/// <summary>The chip side of a simulated SPI device (e.g. an MFRC522 register model).</summary>
public interface ISpiPeripheral
{
    /// <summary>Chip select asserted: a new transaction starts.</summary>
    void Select();

    /// <summary>Shifts one byte: <paramref name="mosi"/> in, the returned byte out on MISO.</summary>
    byte Exchange(byte mosi);

    /// <summary>Chip select released.</summary>
    void Deselect();
}
