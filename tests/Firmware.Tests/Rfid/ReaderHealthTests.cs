using Wallbox.Firmware.Ocpp.Status;
using Wallbox.Firmware.Rfid;

namespace Wallbox.Firmware.Tests.Rfid;

/// <summary>Consecutive failed polls make the reader failed (OCPP ReaderFailure); one good poll recovers it (issue 8 item 5).</summary>
public sealed class ReaderHealthTests
{
    [Fact]
    public void The_reader_is_failed_after_the_configured_number_of_consecutive_failures_not_before()
    {
        var health = new ReaderHealth(3);
        health.Report(false, 0);
        health.Report(false, 100);
        Assert.False(health.Failed);

        health.Report(false, 200);

        Assert.True(health.Failed);
        Assert.Equal(200, health.FailedSinceMs);
        Assert.Equal(1, health.FailureCount);
    }

    [Fact]
    public void A_good_poll_between_failures_starts_the_count_again()
    {
        var health = new ReaderHealth(3);
        health.Report(false, 0);
        health.Report(false, 100);
        health.Report(true, 200);
        health.Report(false, 300);
        health.Report(false, 400);

        Assert.False(health.Failed);
        Assert.Equal(2, health.ConsecutiveFailures);
    }

    [Fact]
    public void One_good_poll_recovers_a_failed_reader_and_a_later_failure_counts_again()
    {
        var health = new ReaderHealth(2);
        for (int i = 0; i < 50; i++)
        {
            health.Report(false, i * 100);
        }

        Assert.True(health.Failed);
        Assert.Equal(100, health.FailedSinceMs);
        health.Report(true, 6_000);
        Assert.False(health.Failed);

        health.Report(false, 7_000);
        health.Report(false, 7_100);
        Assert.True(health.Failed);
        Assert.Equal(2, health.FailureCount);
    }

    [Fact]
    public void Failed_reaches_PeripheralHealth_ReaderFailed_for_the_OCPP_ReaderFailure_error_code()
    {
        var health = new ReaderHealth();
        var peripherals = new PeripheralHealth();
        for (int i = 0; i < ReaderHealth.DefaultFailuresToFail; i++)
        {
            health.Report(false, i);
        }

        health.Publish(peripherals);
        Assert.True(peripherals.ReaderFailed);

        health.Report(true, 10);
        health.Publish(peripherals);
        Assert.False(peripherals.ReaderFailed);
    }
}
