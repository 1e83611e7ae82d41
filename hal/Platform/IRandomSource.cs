namespace Wallbox.Hal
{
    /// <summary>
    /// Unpredictable bytes for cryptographic challenges, such as the reader's random number RndA of a MIFARE DESFire
    /// EV1 mutual authentication.
    /// </summary>
    /// <remarks>
    /// Why it is a HAL interface: the challenge must be unpredictable, or an attacker who recorded one genuine card's
    /// answers (or who can predict the next RndA) replays them and passes as the card. Where the bytes come from is a
    /// property of the platform (the ESP32's hardware RNG on the device, a seeded generator in deterministic host
    /// tests), so the drivers take it injected. Implementations must not block and must not allocate per call.
    /// </remarks>
    public interface IRandomSource
    {
        /// <summary>Fills <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        void NextBytes(byte[] buffer, int offset, int count);
    }
}
