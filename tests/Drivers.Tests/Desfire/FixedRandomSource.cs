using System;
using Wallbox.Hal;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>Hands out the same bytes on every call (the RndA of a published trace), allocation-free.</summary>
internal sealed class FixedRandomSource : IRandomSource
{
    private readonly byte[] _bytes;

    public FixedRandomSource(string hex)
    {
        _bytes = Hex.Bytes(hex);
    }

    public void NextBytes(byte[] buffer, int offset, int count) => Array.Copy(_bytes, 0, buffer, offset, count);
}
