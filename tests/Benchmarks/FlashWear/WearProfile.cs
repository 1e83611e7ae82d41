namespace Wallbox.Benchmarks.FlashWear;

/// <summary>
/// How transactions reach the central system, at 50 sessions a day: 24 h / 50 = 28.8 min per session at most, so
/// every profile is one a connector can actually sustain.
/// </summary>
public enum WearProfile
{
    /// <summary>
    /// ChargePulse: MeterValueSampleInterval forced to 0 (CPL-60, CPL-140), so a transaction is its Start and its
    /// Stop, each delivered as soon as it is on flash.
    /// </summary>
    OnlineStartStopOnly,

    /// <summary>
    /// MeterValueSampleInterval = 60 s (FXP-K12 default), sessions back to back around the clock: 28 samples per
    /// session, each journaled and confirmed — the most meter values a connector can produce.
    /// </summary>
    OnlineEvery60sAroundTheClock,

    /// <summary>
    /// Forty transactions of 12 samples (one every 2 min) buffered while the server is away (CPL-50), then replayed
    /// back to back.
    /// </summary>
    OfflineFortyThenReplay,
}
