using System;
using nanoFramework.Hardware.Esp32;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// Random bytes from the ESP32's hardware random number generator, read through nanoFramework's
    /// <see cref="Random"/>.
    /// </summary>
    /// <remarks>
    /// <para>Source of entropy: on the ESP32 targets nanoFramework implements the native side of
    /// <c>System.Random</c> (nf-interpreter <c>targets/ESP32/_nanoCLR/targetRandom.cpp</c>) with
    /// <c>esp_random()</c> for every <c>Next</c>/<c>NextBytes</c>, one call per byte, and ignores the seed. So
    /// <c>new Random()</c> here is not the managed linear-congruential generator of other platforms. ESP-IDF documents
    /// <c>esp_random()</c> as a true random number only while the RF subsystem (Wi-Fi or Bluetooth) is enabled, which it
    /// is on a networked wallbox; with RF off and no <c>bootloader_random_enable()</c> its output is only
    /// pseudo-random. Both facts come from the sources, not from a measurement: verify on the device (e.g. that two
    /// boots give different sequences, and a statistical smoke test) before relying on it.</para>
    /// <para>Defence in depth: each byte is XORed with the low byte of the esp_timer microsecond counter read at that
    /// moment. XOR with an independent value cannot make a good source worse, and it keeps successive boots apart
    /// should the generator ever be a seeded PRNG (a nanoFramework port change).</para>
    /// <para>Allocates nothing per call (reuses one 1-byte buffer); not thread-safe: one instance per caller.</para>
    /// </remarks>
    public sealed class Esp32RandomSource : IRandomSource
    {
        private readonly Random _random = new Random();
        private readonly byte[] _one = new byte[1];

        /// <inheritdoc />
        public void NextBytes(byte[] buffer, int offset, int count)
        {
            if (buffer == null || offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentException("range outside the buffer");
            }

            for (int i = 0; i < count; i++)
            {
                _random.NextBytes(_one);
                buffer[offset + i] = (byte)(_one[0] ^ (byte)HighResTimer.GetCurrent());
            }
        }
    }
}
