using System;

namespace Wallbox.Drivers.Tests.Desfire;

internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    public static string Of(byte[] bytes, int offset = 0, int count = -1) =>
        Convert.ToHexString(bytes, offset, count < 0 ? bytes.Length - offset : count);
}
