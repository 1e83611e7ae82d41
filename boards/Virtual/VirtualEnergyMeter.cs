using Wallbox.Firmware.Metering;
using Wallbox.Hal.Simulation;

namespace Wallbox.Boards.Virtual;

/// <summary>
/// The energy meter of the virtual board read directly from the simulated circuit, as integers (the register
/// rounded down to whole Wh, like a meter's display). Until the Modbus meter service (issue 7) polls the simulated
/// meter over RTU frames, this is how the virtual wallbox's OCPP side reads energy.
/// </summary>
public sealed class VirtualEnergyMeter : IEnergyMeter
{
    private readonly SimulatedMeter _meter;

    /// <summary>Creates the meter over <paramref name="meter"/>.</summary>
    public VirtualEnergyMeter(SimulatedMeter meter)
    {
        _meter = meter;
    }

    /// <summary>When true the meter delivers nothing (bus failure).</summary>
    public bool Failed { get; set; }

    /// <inheritdoc />
    public bool TryGetReading(long nowMs, int maxAgeMs, MeterReading into)
    {
        if (Failed)
        {
            return false;
        }

        into.PhaseCount = 3;
        into.EnergyImportWh = (long)System.Math.Floor(_meter.ImportWh);
        into.PowerW = (int)System.Math.Round(_meter.ActivePowerW);
        into.FrequencyMilliHz = _meter.FrequencyMilliHz;
        into.TakenAtMs = nowMs;
        for (int phase = 1; phase <= 3; phase++)
        {
            into.CurrentMa[phase - 1] = _meter.PhaseCurrentMa(phase);
            into.VoltageMv[phase - 1] = _meter.PhaseVoltageMv;
        }

        return true;
    }
}
