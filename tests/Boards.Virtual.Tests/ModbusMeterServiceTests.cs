using System;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Metering;
using Xunit.Abstractions;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>
/// The meter service of the firmware polling the virtual board's SDM630 over real Modbus RTU frames in virtual time
/// (issue 7: meter service; CPH-47/58 communication loss).
/// </summary>
public sealed class ModbusMeterServiceTests
{
    private readonly ITestOutputHelper _output;

    public ModbusMeterServiceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void The_SDM630_readings_reach_the_firmware_as_integers_within_the_registers_resolution()
    {
        var wallbox = new VirtualWallbox(new Wallbox.Firmware.Charging.ChargingSettings { RequireAuthorization = false });
        wallbox.Hardware.Meter.SetImportWh(1_234_567.4);
        wallbox.Hardware.PlugInEv();
        wallbox.RunForMs(60_000);
        ModbusMeterService meter = wallbox.Firmware.ModbusMeter;
        var reading = new MeterReading();

        Assert.True(meter.TryGetReading(wallbox.NowMs, 5_000, reading));
        Assert.Equal("SDM630", meter.Model.Name);
        Assert.Equal("20260001", meter.SerialNumber);
        Assert.Equal(3, reading.PhaseCount);
        Assert.InRange(reading.EnergyImportWh, (long)wallbox.Hardware.Meter.ImportWh - 80, (long)wallbox.Hardware.Meter.ImportWh + 1);
        Assert.InRange(reading.CurrentMa[0], 31_000, 32_000);
        Assert.Equal(230_000, reading.VoltageMv[2]);
        Assert.Equal(50_000, reading.FrequencyMilliHz);
        Assert.InRange(reading.PowerW, 21_000, 22_500);
        Assert.False(meter.IsFailed);
        _output.WriteLine("report: SDM630 over Modbus RTU at 9600 baud: " + meter.CycleCount + " poll cycles in 60 s, " + meter.Master.Statistics.RequestsSent + " requests, 0 failed: " + meter.FailedRequestCount);
        Assert.Equal(0, meter.FailedRequestCount);
    }

    [Fact]
    public void A_silent_meter_is_a_meter_failure_after_10_s_and_recovers_when_it_answers_again()
    {
        var wallbox = new VirtualWallbox();
        wallbox.RunForMs(5_000);
        ModbusMeterService meter = wallbox.Firmware.ModbusMeter;
        Assert.False(meter.IsFailed);

        wallbox.Hardware.ModbusMeter.Silent = true;
        long silentAt = wallbox.NowMs;
        Assert.True(wallbox.RunUntil(() => meter.IsFailed, 20_000));
        long detectedMs = wallbox.NowMs - silentAt;
        Assert.InRange(detectedMs, ModbusMeterService.FailureAfterMs - ModbusMeterService.PollIntervalMs, ModbusMeterService.FailureAfterMs + 2_000);
        Assert.False(meter.TryGetReading(wallbox.NowMs, 60_000, new MeterReading()));

        wallbox.Hardware.ModbusMeter.Silent = false;
        Assert.True(wallbox.RunUntil(() => !meter.IsFailed, 5_000));
        _output.WriteLine("report: silent meter detected as failed after " + detectedMs + " ms (CPH-47/58)");
    }

    [Theory]
    [InlineData("MeterSlaveAddress", "7")]
    [InlineData("MeterBaudRate", "19200")]
    [InlineData("MeterParity", "Even")]
    public void A_wrong_slave_address_or_line_setting_gets_no_reading_and_a_meter_failure(string key, string value)
    {
        var wallbox = new VirtualWallbox();
        wallbox.RunForMs(2_000);
        Assert.Equal(ConfigChangeStatus.Accepted, wallbox.Firmware.Persistent.Configuration.TrySet(key, value, out _));

        Assert.True(wallbox.RunUntil(() => wallbox.Firmware.ModbusMeter.IsFailed, 20_000));
        Assert.True(wallbox.Firmware.ModbusMeter.FailedRequestCount > 0);
    }

    [Fact]
    public void An_energy_register_that_goes_backwards_is_not_billed()
    {
        var wallbox = new VirtualWallbox();
        wallbox.Hardware.Meter.SetImportWh(500_000);
        wallbox.RunForMs(5_000);
        ModbusMeterService meter = wallbox.Firmware.ModbusMeter;
        var reading = new MeterReading();
        Assert.True(meter.TryGetReading(wallbox.NowMs, 5_000, reading));
        Assert.Equal(500_000, reading.EnergyImportWh);

        wallbox.Hardware.Meter.SetImportWh(400_000);
        wallbox.RunForMs(1_500);

        Assert.True(meter.TryGetReading(wallbox.NowMs, 5_000, reading));
        Assert.Equal(500_000, reading.EnergyImportWh);
        Assert.True(meter.Plausibility.IsImplausible);
        Assert.Contains("went backwards", meter.Plausibility.Problem);
    }

    [Fact]
    public void MeterType_None_stops_polling_and_the_firmware_has_no_reading()
    {
        var wallbox = new VirtualWallbox();
        wallbox.RunForMs(2_000);
        Assert.Equal(ConfigChangeStatus.Accepted, wallbox.Firmware.Persistent.Configuration.TrySet(MeterConfigKeys.MeterType, "None", out _));
        wallbox.RunForMs(100);
        int answered = wallbox.Hardware.ModbusMeter.Answered;

        wallbox.RunForMs(10_000);

        Assert.Equal(answered, wallbox.Hardware.ModbusMeter.Answered);
        Assert.Null(wallbox.Firmware.ModbusMeter.Model);
        Assert.False(wallbox.Firmware.ModbusMeter.TryGetReading(wallbox.NowMs, 60_000, new MeterReading()));
    }

    [Fact]
    public void On_a_board_without_current_transformers_the_meters_phase_currents_feed_the_over_current_protection()
    {
        var wallbox = new VirtualWallbox(new Wallbox.Firmware.Charging.ChargingSettings { RequireAuthorization = false }, currentTransformers: false);
        wallbox.Hardware.PlugInEv();
        Assert.True(wallbox.RunUntil(() => wallbox.Hardware.Contactor.ContactsClosed, 10_000));
        wallbox.Firmware.Charging.Limits.Set(Wallbox.Firmware.Charging.CurrentLimitSource.User, 16_000);
        wallbox.RunForMs(10_000);

        // CPH-80: 1.25 x the offer for 9 s opens the contactor; here the current is known only from the meter.
        wallbox.Hardware.Ev.ForcedCurrentMa = 21_000;
        long start = wallbox.NowMs;
        Assert.True(wallbox.RunUntil(() => !wallbox.Hardware.Contactor.ContactsClosed, 15_000));

        Assert.True(wallbox.Firmware.Charging.Faults.Contains(Wallbox.Firmware.Charging.Faults.ChargingFault.OverCurrent));
        _output.WriteLine("report: over-current from the Modbus meter's phase currents: contactor opened " + (wallbox.NowMs - start) + " ms after the EV drew 1.3 x the offer");
    }
}
