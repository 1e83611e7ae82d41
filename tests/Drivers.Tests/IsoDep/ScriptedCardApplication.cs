using System;
using Wallbox.Hal.Simulation;

namespace Wallbox.Drivers.Tests.IsoDep;

/// <summary>
/// A test application behind the simulated ISO-DEP card: echoes each command, or answers a fixed-length pattern, and
/// asks for extra frame waiting times on request. Allocation-free after construction.
/// </summary>
public sealed class ScriptedCardApplication : IIsoDepCardApplication
{
    private readonly byte[] _lastCommand = new byte[SimulatedIsoDepCard.BufferSize];

    /// <summary>Length of the pattern response; negative: echo the command.</summary>
    public int ResponseLength { get; set; } = -1;

    /// <summary>Extra processing time of every command, in FWTs (S(WTX) requests when above 0).</summary>
    public int ExtraFrameWaitingTimes { get; set; }

    /// <summary>Commands processed.</summary>
    public int ProcessCount { get; private set; }

    /// <summary>Reset() calls (power-off, S(DESELECT), HLTA).</summary>
    public int ResetCount { get; private set; }

    /// <summary>Length of the last command.</summary>
    public int LastCommandLength { get; private set; }

    /// <inheritdoc />
    public int LastCommandExtraFrameWaitingTimes => ExtraFrameWaitingTimes;

    /// <summary>The last command as received.</summary>
    public byte[] LastCommand() => _lastCommand.AsSpan(0, LastCommandLength).ToArray();

    /// <inheritdoc />
    public int Process(byte[] command, int offset, int count, byte[] response)
    {
        ProcessCount++;
        Array.Copy(command, offset, _lastCommand, 0, count);
        LastCommandLength = count;
        if (ResponseLength < 0)
        {
            Array.Copy(command, offset, response, 0, count);
            return count;
        }

        for (int i = 0; i < ResponseLength; i++)
        {
            response[i] = PatternByte(i);
        }

        return ResponseLength;
    }

    /// <inheritdoc />
    public void Reset() => ResetCount++;

    /// <summary>Byte <paramref name="i"/> of the test pattern.</summary>
    public static byte PatternByte(int i) => (byte)(i * 7 + 3 + (i >> 8));

    /// <summary>The first <paramref name="length"/> bytes of the test pattern.</summary>
    public static byte[] Pattern(int length)
    {
        var data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = PatternByte(i);
        }

        return data;
    }
}
