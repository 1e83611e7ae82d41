using Wallbox.Firmware.Charging;

namespace Wallbox.Firmware.Tests.Charging;

public sealed class CurrentLimitsTests
{
    [Theory]
    [InlineData(20, 16000)]
    [InlineData(25, 20000)]
    [InlineData(32, 25000)] // CPH-33: the table, not 80 % (X-03)
    [InlineData(40, 32000)]
    [InlineData(16, 0)]
    [InlineData(63, 0)]
    public void Breaker_table_of_CPH_33(int breakerA, int expectedMa)
    {
        Assert.Equal(expectedMa, BreakerTable.ChargingCurrentMa(breakerA));
        Assert.Equal(expectedMa != 0, BreakerTable.IsKnown(breakerA));
    }

    [Fact]
    public void Effective_limit_is_the_smallest_source_and_names_it()
    {
        var limits = new CurrentLimits(32000);
        limits.Set(CurrentLimitSource.Installation, 25000);
        limits.Set(CurrentLimitSource.Cable, 20000);
        limits.Set(CurrentLimitSource.User, 24000);
        limits.Set(CurrentLimitSource.SmartCharging, 18000);
        limits.Set(CurrentLimitSource.LoadManagement, 30000);
        limits.Set(CurrentLimitSource.Derating, 16000);

        Assert.Equal(16000, limits.EffectiveMa);
        Assert.Equal(CurrentLimitSource.Derating, limits.LimitingSource);

        limits.Set(CurrentLimitSource.Derating, CurrentLimits.Unlimited);

        Assert.Equal((18000, CurrentLimitSource.SmartCharging), (limits.EffectiveMa, limits.LimitingSource));
    }

    [Fact]
    public void Negative_limits_count_as_zero()
    {
        var limits = new CurrentLimits(32000);
        limits.Set(CurrentLimitSource.LoadManagement, -5);

        Assert.Equal(0, limits.EffectiveMa);
    }

    [Theory]
    [InlineData(33, 0, 32, "HardwareRatingA")]
    [InlineData(32, 30, 32, "BreakerRatingA")]
    [InlineData(16, 0, 20, "UserMaximumA")]
    [InlineData(32, 0, 5, "UserMaximumA")]
    public void Invalid_settings_are_refused_with_the_name_of_the_setting(int hardwareA, int breakerA, int userA, string named)
    {
        var settings = new ChargingSettings { HardwareRatingA = hardwareA, BreakerRatingA = breakerA, UserMaximumA = userA };

        Assert.False(settings.Validate(out string error));
        Assert.Contains(named, error);
    }

    [Fact]
    public void Default_settings_are_valid()
    {
        Assert.True(new ChargingSettings().Validate(out string error), error);
    }
}
