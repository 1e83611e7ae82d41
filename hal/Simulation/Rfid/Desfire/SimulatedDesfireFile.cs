using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// A standard data file of a simulated DESFire application (NXP MF3ICDx81 datasheet, "CreateStdDataFile"): number,
/// communication settings, access rights (key numbers 0..13, 0xE free access, 0xF never) and content.
/// </summary>
public sealed class SimulatedDesfireFile
{
    /// <summary>Access right value: free access.</summary>
    public const int FreeAccess = 0xE;

    /// <summary>Access right value: no access.</summary>
    public const int NoAccess = 0xF;

    /// <summary>Creates a file.</summary>
    public SimulatedDesfireFile(int number, SimulatedDesfireCommunicationMode communicationMode, int readKey, int writeKey, int readWriteKey, int changeKey, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (number < 0 || number > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(number), "file numbers are 0..31");
        }

        Number = number;
        CommunicationMode = communicationMode;
        ReadKey = readKey;
        WriteKey = writeKey;
        ReadWriteKey = readWriteKey;
        ChangeKey = changeKey;
        Content = (byte[])content.Clone();
    }

    /// <summary>File number 0..31.</summary>
    public int Number { get; }

    /// <summary>Communication settings.</summary>
    public SimulatedDesfireCommunicationMode CommunicationMode { get; }

    /// <summary>Read access key (0..13, 0xE free, 0xF never).</summary>
    public int ReadKey { get; }

    /// <summary>Write access key.</summary>
    public int WriteKey { get; }

    /// <summary>Read&amp;write access key.</summary>
    public int ReadWriteKey { get; }

    /// <summary>Change-access-rights key.</summary>
    public int ChangeKey { get; }

    /// <summary>The file content (its length is the file size).</summary>
    public byte[] Content { get; }
}
