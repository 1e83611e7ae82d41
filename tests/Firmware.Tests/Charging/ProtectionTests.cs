using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Protection;

namespace Wallbox.Firmware.Tests.Charging;

public sealed class RcdProtectionTests
{
    private readonly RcdProtection _rcd = new RcdProtection();

    [Fact]
    public void CPH_62_first_trip_clears_10_s_after_the_module_stops_signalling()
    {
        _rcd.Update(0, true, true);
        Assert.True(_rcd.IsRecovering);
        Assert.True(_rcd.TripStarted);
        _rcd.Update(2000, false, true);
        _rcd.Update(2000 + RcdProtection.RecoveryDelayMs - 1, false, true);
        Assert.True(_rcd.IsRecovering);

        _rcd.Update(2000 + RcdProtection.RecoveryDelayMs, false, true);

        Assert.False(_rcd.IsRecovering);
        Assert.False(_rcd.IsLatched);
    }

    [Fact]
    public void CPH_64_a_second_trip_in_the_session_latches_until_the_EV_is_unplugged()
    {
        _rcd.Update(0, true, true);
        _rcd.Update(100, false, true);
        _rcd.Update(20_000, false, true);
        _rcd.Update(30_000, true, true);
        _rcd.Update(30_100, false, true);
        _rcd.Update(100_000, false, true);
        Assert.True(_rcd.IsLatched);

        _rcd.Update(100_010, false, false);

        Assert.False(_rcd.IsLatched);
    }

    [Fact]
    public void After_unplugging_a_new_session_gets_its_automatic_recovery_again()
    {
        _rcd.Update(0, true, true);
        _rcd.Update(100, false, true);
        _rcd.Update(20_000, false, false);
        _rcd.Update(30_000, true, true);

        Assert.True(_rcd.IsRecovering);
        Assert.False(_rcd.IsLatched);
    }
}

public sealed class OverCurrentProtectionTests
{
    private readonly OverCurrentProtection _oc = new OverCurrentProtection();

    [Theory]
    [InlineData(8000, 10000)]
    [InlineData(10000, 12500)]
    [InlineData(16000, 20000)]
    [InlineData(25000, 31250)]
    [InlineData(32000, 40000)]
    public void CPH_80_trip_points_are_1_25_times_the_limit(int limitMa, int tripMa)
    {
        Assert.True(TripsAfter(limitMa, tripMa, OverCurrentProtection.TripDelayMs));
        Assert.False(TripsAfter(limitMa, tripMa - 1, 60_000));
    }

    [Fact]
    public void CPH_80_an_overload_corrected_before_the_delay_does_not_trip()
    {
        Feed(0, OverCurrentProtection.TripDelayMs - 10, 16000, 21000);
        Feed(OverCurrentProtection.TripDelayMs - 10, 60_000, 16000, 16000);

        Assert.False(_oc.IsTripped);
        Assert.Equal(0, _oc.TripCount);
    }

    [Fact]
    public void CPH_80_trips_within_10_s()
    {
        Assert.True(OverCurrentProtection.TripDelayMs < 10_000);
        Assert.True(OverCurrentProtection.TripDelayMs > IecTimings.EvCurrentAdaptationMs);
    }

    [Fact]
    public void CPH_80_three_automatic_retries_then_lockout()
    {
        long t = 0;
        for (int trip = 1; trip <= OverCurrentProtection.MaxRetries; trip++)
        {
            t = FeedUntilTripped(t, 16000, 25000);
            Assert.True(_oc.IsTripped);
            Assert.False(_oc.IsLockedOut);
            t = Feed(t, t + OverCurrentProtection.RetryDelayMs, 16000, 0);
            Assert.False(_oc.IsTripped);
        }

        FeedUntilTripped(t, 16000, 25000);

        Assert.True(_oc.IsLockedOut);
        Assert.Equal(OverCurrentProtection.MaxRetries + 1, _oc.TripCount);
    }

    [Fact]
    public void No_current_flows_with_the_contactor_open_so_nothing_trips()
    {
        for (long t = 0; t < 60_000; t += 10)
        {
            _oc.Update(t, false, 16000, true, 40000);
        }

        Assert.Equal(0, _oc.TripCount);
    }

    [Fact]
    public void A_stale_or_missing_measurement_never_trips()
    {
        for (long t = 0; t < 60_000; t += 10)
        {
            _oc.Update(t, true, 16000, false, 40000);
        }

        Assert.Equal(0, _oc.TripCount);
    }

    private bool TripsAfter(int limitMa, int measuredMa, int durationMs)
    {
        var oc = new OverCurrentProtection();
        for (long t = 0; t <= durationMs; t += 10)
        {
            oc.Update(t, true, limitMa, true, measuredMa);
        }

        return oc.IsTripped;
    }

    private long Feed(long from, long to, int limitMa, int measuredMa)
    {
        for (long t = from; t < to; t += 10)
        {
            _oc.Update(t, true, limitMa, true, measuredMa);
        }

        return to;
    }

    private long FeedUntilTripped(long from, int limitMa, int measuredMa)
    {
        long t = from;
        while (!_oc.IsTripped && !_oc.IsLockedOut)
        {
            _oc.Update(t, true, limitMa, true, measuredMa);
            t += 10;
        }

        return t;
    }
}

public sealed class TemperatureProtectionTests
{
    [Theory]
    [InlineData(250, int.MaxValue)]
    [InlineData(650, int.MaxValue)]
    [InlineData(725, 19000)] // halfway between 32 A and 6 A
    [InlineData(800, 6000)]
    [InlineData(840, 6000)]
    public void Derating_is_linear_between_65_and_80_degrees(int deciC, int expectedMa)
    {
        var protection = new TemperatureProtection();

        Assert.Equal(expectedMa, protection.Update(true, deciC, 32000));
        Assert.False(protection.IsStopped);
    }

    [Fact]
    public void Stops_at_85_degrees_and_resumes_below_75()
    {
        var protection = new TemperatureProtection();
        protection.Update(true, 850, 32000);
        Assert.True(protection.IsStopped);
        protection.Update(true, 760, 32000);
        Assert.True(protection.IsStopped);

        protection.Update(true, 749, 32000);

        Assert.False(protection.IsStopped);
    }

    [Fact]
    public void A_failed_sensor_is_reported()
    {
        var protection = new TemperatureProtection();
        protection.Update(false, 0, 32000);

        Assert.True(protection.SensorFailed);
    }
}
