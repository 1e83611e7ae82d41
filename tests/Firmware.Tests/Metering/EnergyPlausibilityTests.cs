using Wallbox.Firmware.Metering;

namespace Wallbox.Firmware.Tests.Metering;

/// <summary>Energy readings that go backwards or jump are flagged and never billed (issue 7, meter service).</summary>
public sealed class EnergyPlausibilityTests
{
    // 22 kW circuit: at most 6.1 Wh per second.
    private const long MaxPowerW = 22_000;

    [Fact]
    public void Readings_that_grow_no_faster_than_the_circuit_allows_are_accepted()
    {
        var guard = new EnergyPlausibility(MaxPowerW, 1);
        Assert.True(guard.Check(1_000_000, 0, true));
        Assert.True(guard.Check(1_000_006, 1_000, true));
        Assert.True(guard.Check(1_022_006, 3_601_000, true));
        Assert.Equal(1_022_006, guard.AcceptedWh);
        Assert.False(guard.IsImplausible);
    }

    [Fact]
    public void A_register_going_backwards_is_refused_and_the_accepted_value_stays()
    {
        var guard = new EnergyPlausibility(MaxPowerW, 1);
        guard.Check(500_000, 0, true);

        Assert.False(guard.Check(499_000, 10_000, true));

        Assert.Equal(500_000, guard.AcceptedWh);
        Assert.True(guard.IsImplausible);
        Assert.Contains("went backwards", guard.Problem);
        Assert.Equal(1, guard.RefusedCount);
    }

    [Fact]
    public void A_jump_beyond_the_circuits_power_is_refused_and_a_later_plausible_reading_is_accepted_again()
    {
        var guard = new EnergyPlausibility(MaxPowerW, 1);
        guard.Check(500_000, 0, true);

        Assert.False(guard.Check(510_000, 60_000, true)); // 10 kWh in a minute: 600 kW
        Assert.Contains("jumped by 10000 Wh", guard.Problem);
        Assert.True(guard.Check(500_300, 120_000, true));
        Assert.False(guard.IsImplausible);
    }

    [Fact]
    public void During_a_transaction_a_new_level_is_never_taken_as_the_baseline()
    {
        var guard = new EnergyPlausibility(MaxPowerW, 1);
        guard.Check(500_000, 0, true);
        for (int i = 1; i <= 10; i++)
        {
            Assert.False(guard.Check(2_000, i * 1000, true));
        }

        Assert.Equal(500_000, guard.AcceptedWh);
    }

    [Fact]
    public void Outside_a_transaction_a_stable_new_level_re_baselines_after_three_readings()
    {
        var guard = new EnergyPlausibility(MaxPowerW, 1);
        guard.Check(500_000, 0, false);

        Assert.False(guard.Check(2_000, 1_000, false));
        Assert.False(guard.Check(2_000, 2_000, false));
        Assert.True(guard.Check(2_001, 3_000, false));

        Assert.Equal(2_001, guard.AcceptedWh);
    }

    [Fact]
    public void The_registers_resolution_is_allowed_on_top_of_the_power_bound()
    {
        var guard = new EnergyPlausibility(MaxPowerW, 100);
        guard.Check(0, 0, true);

        Assert.True(guard.Check(100, 1, true));
        Assert.False(guard.Check(300, 2, true));
    }
}
