using Wallbox.Drivers.Pilot;

namespace Wallbox.Drivers.Tests.Pilot;

/// <summary>IEC 61851-1 Table A.8, EVSE side, at every boundary.</summary>
public sealed class PilotDutyCycleTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(5999, 0)] // below 6 A nothing can be offered: PWM off, session paused
    [InlineData(6000, 100)] // 6 A = 10 %
    [InlineData(10000, 166)] // 10 A = 16.67 % rounded down
    [InlineData(16000, 266)] // 16 A = 26.67 % rounded down
    [InlineData(32000, 533)]
    [InlineData(51000, 850)] // 51 A = 85 %, end of the 0.6 A/% range
    [InlineData(51250, 845)] // just above 51 A: I/2.5 + 64 = 84.5 %
    [InlineData(52500, 850)]
    [InlineData(63000, 892)]
    [InlineData(80000, 960)] // 80 A = 96 %
    [InlineData(80001, 960)] // above 80 A: offered as 80 A
    [InlineData(200000, 960)]
    public void Current_maps_to_the_duty_cycle_of_Table_A8(int currentMa, int expectedPermille)
    {
        Assert.Equal(expectedPermille, PilotDutyCycle.FromCurrentMa(currentMa));
    }

    [Theory]
    [InlineData(6000)]
    [InlineData(13000)]
    [InlineData(16000)]
    [InlineData(20000)]
    [InlineData(32000)]
    [InlineData(51000)]
    [InlineData(63000)]
    [InlineData(80000)]
    public void The_EV_never_reads_more_than_the_offer_nor_less_than_one_step_below(int currentMa)
    {
        int read = PilotDutyCycle.ToCurrentMa(PilotDutyCycle.FromCurrentMa(currentMa));

        Assert.InRange(read, currentMa - 250, currentMa);
    }

    [Fact]
    public void Five_percent_is_never_produced_for_an_analog_offer()
    {
        for (int ma = 0; ma <= 90000; ma += 10)
        {
            Assert.NotEqual(PilotDutyCycle.DigitalCommunicationPermille, PilotDutyCycle.FromCurrentMa(ma));
        }
    }

    [Theory]
    [InlineData(79, 0)]
    [InlineData(80, 6000)]
    [InlineData(100, 6000)]
    [InlineData(850, 51000)]
    [InlineData(960, 80000)]
    [InlineData(970, 80000)]
    [InlineData(971, 0)]
    public void Reading_back_follows_Table_A8(int dutyPermille, int expectedMa)
    {
        Assert.Equal(expectedMa, PilotDutyCycle.ToCurrentMa(dutyPermille));
    }
}
