using System;
using Wallbox.Hal.Simulation;

namespace Wallbox.Benchmarks.FlashWear;

/// <summary>
/// Flash wear of one complete transaction (its messages, their confirmations and the amortised compactions), and
/// the partition lifetime that follows at <see cref="SessionsPerDay"/>.
/// </summary>
/// <remarks>
/// Assumptions, stated in docs/storage.md: NOR flash endures <see cref="EraseCyclesPerBlock"/> erase cycles per
/// 4 KiB sector (the guaranteed minimum of the SPI flash parts fitted to ESP32 modules); LittleFS's dynamic wear
/// levelling spreads erases over the blocks not held by data at rest, <see cref="WearLevelledBlocks"/> of the 64;
/// a metadata pair absorbs <see cref="CommitsPerMetadataErase"/> commits (4 KiB, at most 128 B per commit) per erase.
/// </remarks>
public sealed class WearFigures
{
    public const int SessionsPerDay = 50;
    public const long EraseCyclesPerBlock = 100_000;
    public const int WearLevelledBlocks = 40;
    public const int CommitsPerMetadataErase = 32;

    /// <summary>Transactions measured per profile after a warm-up of the same size (steady state, not first use).</summary>
    private const int MeasuredTransactions = 80;

    public double BytesPerTransaction { get; private set; }

    public double ErasesPerTransaction { get; private set; }

    public double LifetimeYears => WearLevelledBlocks * (double)EraseCyclesPerBlock / (ErasesPerTransaction * SessionsPerDay * 365.25);

    /// <summary>Runs <paramref name="profile"/> on a fresh 256 KiB flash with the buffer built by <paramref name="create"/>.</summary>
    public static WearFigures Measure(WearProfile profile, Func<SimulatedFileStore, ITransactionBufferUnderTest> create)
    {
        var flash = new SimulatedFileStore();
        ITransactionBufferUnderTest buffer = create(flash);
        Run(profile, buffer, MeasuredTransactions);
        long bytes = flash.BytesWritten;
        long dataErases = flash.BlockErases;
        long commits = flash.MetadataCommits;
        Run(profile, buffer, MeasuredTransactions);
        return new WearFigures
        {
            BytesPerTransaction = (flash.BytesWritten - bytes) / (double)MeasuredTransactions,
            ErasesPerTransaction = ((flash.BlockErases - dataErases) + (flash.MetadataCommits - commits) / (double)CommitsPerMetadataErase) / MeasuredTransactions,
        };
    }

    /// <summary>Number of meter-value samples of one transaction in <paramref name="profile"/>.</summary>
    public static int SamplesOf(WearProfile profile) => profile switch
    {
        WearProfile.OnlineStartStopOnly => 0,
        WearProfile.OnlineEvery60sAroundTheClock => 28,
        _ => 12,
    };

    /// <summary>Time between two samples (and from the last one to the Stop), ms.</summary>
    public static int SampleIntervalMsOf(WearProfile profile) => profile switch
    {
        WearProfile.OnlineStartStopOnly => 28 * 60_000,
        WearProfile.OnlineEvery60sAroundTheClock => 60_000,
        _ => 120_000,
    };

    /// <summary>Central system's answer time, ms (a cellular link).</summary>
    public const int RoundTripMs = 400;

    /// <summary>Time between two sessions, ms (the next car plugs in).</summary>
    public const int IdleBetweenSessionsMs = 30 * 1000;

    private static void Run(WearProfile profile, ITransactionBufferUnderTest buffer, int transactions)
    {
        int samples = SamplesOf(profile);
        int interval = SampleIntervalMsOf(profile);
        bool offline = profile == WearProfile.OfflineFortyThenReplay;
        for (int t = 0; t < transactions; t++)
        {
            int tx = buffer.AppendStart(t);
            if (!offline)
            {
                buffer.ConfirmOldest(RoundTripMs);
            }

            for (int s = 0; s < samples; s++)
            {
                buffer.Idle(interval);
                buffer.AppendMeterValues(tx, s);
                if (!offline)
                {
                    buffer.ConfirmOldest(RoundTripMs);
                }
            }

            buffer.Idle(interval);
            buffer.AppendStop(tx);
            if (!offline)
            {
                buffer.ConfirmOldest(RoundTripMs);
            }
            else if ((t + 1) % 40 == 0)
            {
                // The server is back: the whole buffer is replayed back to back.
                while (buffer.PendingCount > 0)
                {
                    buffer.ConfirmOldest(RoundTripMs);
                }
            }

            buffer.Idle(IdleBetweenSessionsMs);
        }

        buffer.Flush();
    }
}
