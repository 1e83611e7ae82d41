using System;
using Wallbox.Firmware.Metering;
using Xunit.Abstractions;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>
/// Issue 7 "done when": 24 h of charging in virtual time with random line noise and meter dropouts: the billed energy
/// equals the simulated energy within the meter's resolution, every dropout long enough to be a fault is reported,
/// nothing crashes.
/// </summary>
public sealed class MeterSoakTests
{
    private const int Seed = 20261122;

    private readonly ITestOutputHelper _output;

    public MeterSoakTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Twenty_four_hours_with_line_noise_and_dropouts_bill_the_simulated_energy_and_report_every_long_dropout()
    {
        var random = new Random(Seed);
        var wallbox = new VirtualWallbox(new Wallbox.Firmware.Charging.ChargingSettings { RequireAuthorization = false });
        wallbox.Hardware.MeterPort.NoiseProbability = 0.002; // one damaged character in 500: a CRC error every few frames
        wallbox.Hardware.PlugInEv();
        wallbox.RunForMs(10_000);
        ModbusMeterService meter = wallbox.Firmware.ModbusMeter;

        int longDropouts = 0;
        int shortDropouts = 0;
        int borderlineDropouts = 0;
        int failuresReported = 0;
        int spuriousFailures = 0;
        bool failed = false;
        long end = wallbox.NowMs + 24L * 3600 * 1000;
        long nextDropoutMs = wallbox.NowMs + random.Next(600_000, 3_600_000);
        long dropoutEndMs = -1;
        while (wallbox.NowMs < end)
        {
            if (dropoutEndMs < 0 && wallbox.NowMs >= nextDropoutMs)
            {
                // The bus goes quiet (a loose A/B wire, the meter rebooting) for 2 s .. 60 s.
                int lengthMs = random.Next(2_000, 60_000);
                dropoutEndMs = wallbox.NowMs + lengthMs;
                wallbox.Hardware.ModbusMeter.Silent = true;
                if (lengthMs >= ModbusMeterService.FailureAfterMs + ModbusMeterService.PollIntervalMs)
                {
                    longDropouts++;
                }
                else if (lengthMs < ModbusMeterService.FailureAfterMs - 2 * ModbusMeterService.PollIntervalMs)
                {
                    shortDropouts++;
                }
                else
                {
                    // Within a poll cycle of the limit: reported or not depending on where the cycle falls.
                    borderlineDropouts++;
                }
            }
            else if (dropoutEndMs >= 0 && wallbox.NowMs >= dropoutEndMs)
            {
                dropoutEndMs = -1;
                wallbox.Hardware.ModbusMeter.Silent = false;
                nextDropoutMs = wallbox.NowMs + random.Next(600_000, 3_600_000);
            }

            wallbox.Step();
            if (meter.IsFailed && !failed)
            {
                failuresReported++;
                if (dropoutEndMs < 0)
                {
                    // Line noise alone (with its retries) must never add up to a meter failure.
                    spuriousFailures++;
                }
            }

            failed = meter.IsFailed;
        }

        wallbox.Hardware.ModbusMeter.Silent = false;
        wallbox.Hardware.UnplugEv();
        wallbox.RunForMs(15_000);
        var reading = new MeterReading();
        Assert.True(meter.TryGetReading(wallbox.NowMs, 5_000, reading));
        double simulatedWh = wallbox.Hardware.Meter.ImportWh;
        long exceptions = 0;
        for (int i = 0; i < wallbox.Firmware.Loop.ComponentCount; i++)
        {
            exceptions += wallbox.Firmware.Loop.GetStatistics(i).ExceptionCount;
        }

        _output.WriteLine("report: meter soak 24 h (seed " + Seed + ", noise 0.2 % of characters): simulated " + simulatedWh.ToString("F1") + " Wh, billed " + reading.EnergyImportWh
            + " Wh; " + meter.Master.Statistics.RequestsSent + " requests, " + meter.Master.Statistics.DiscardedBadCrc + " bad CRC, " + meter.Master.Statistics.Timeouts + " timeouts, "
            + meter.Master.Statistics.Retries + " retries; dropouts: " + longDropouts + " long, " + borderlineDropouts + " borderline, " + shortDropouts + " short; " + failuresReported + " meter failures reported, " + spuriousFailures + " outside a dropout; loop exceptions " + exceptions);
        Assert.InRange(reading.EnergyImportWh, (long)Math.Floor(simulatedWh) - 1, (long)Math.Floor(simulatedWh) + 1);
        Assert.True(longDropouts > 5 && shortDropouts > 0, "the seed must produce both kinds of dropout");
        Assert.InRange(failuresReported, longDropouts, longDropouts + borderlineDropouts);
        Assert.Equal(0, spuriousFailures);
        Assert.Equal(0, meter.Plausibility.RefusedCount);
        Assert.Equal(0, exceptions);
        Assert.True(meter.Master.Statistics.DiscardedBadCrc > 0, "the noise must have produced CRC errors");
    }
}
