using System;

namespace Wallbox.Hal.Simulation;

/// <summary>An SPI device whose chip side is an <see cref="ISpiPeripheral"/> model.</summary>
public sealed class SimulatedSpiDevice : ISpiDevice
{
    /// <summary>Creates the device; <see cref="Peripheral"/> may be attached later.</summary>
    public SimulatedSpiDevice(ISpiPeripheral peripheral = null)
    {
        Peripheral = peripheral;
    }

    /// <summary>The chip on the bus; null reads 0xFF (MISO pulled up, nothing fitted).</summary>
    public ISpiPeripheral Peripheral { get; set; }

    /// <summary>Transfers since construction.</summary>
    public long TransferCount { get; private set; }

    /// <inheritdoc />
    public void Transfer(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
    {
        ArgumentNullException.ThrowIfNull(writeBuffer);
        ArgumentNullException.ThrowIfNull(readBuffer);
        if (writeOffset < 0 || readOffset < 0 || count < 0 || writeOffset + count > writeBuffer.Length || readOffset + count > readBuffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        TransferCount++;
        ISpiPeripheral chip = Peripheral;
        chip?.Select();
        for (int i = 0; i < count; i++)
        {
            readBuffer[readOffset + i] = chip == null ? (byte)0xFF : chip.Exchange(writeBuffer[writeOffset + i]);
        }

        chip?.Deselect();
    }
}
