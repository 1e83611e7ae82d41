using Wallbox.Firmware.Charging;
using Wallbox.Hal.Simulation;

namespace Wallbox.Boards.Virtual;

/// <summary>
/// Current transformers on the three phases of the virtual board, read instantly from the simulated circuit.
/// Boards with CTs (SmartEVSE-style) measure the charging current this way; a board without them gets the
/// per-phase currents from its Modbus energy meter instead.
/// </summary>
public sealed class VirtualCurrentTransformers : IPhaseCurrentSource
{
    private readonly SimulatedMeter _circuit;

    /// <summary>Creates CTs on the circuit that <paramref name="circuit"/> measures.</summary>
    public VirtualCurrentTransformers(SimulatedMeter circuit)
    {
        _circuit = circuit;
    }

    /// <summary>When true the CTs deliver nothing (broken wiring).</summary>
    public bool Failed { get; set; }

    /// <inheritdoc />
    public bool TryGetMaxPhaseCurrentMa(long nowMs, int maxAgeMs, out int currentMa)
    {
        currentMa = 0;
        if (Failed)
        {
            return false;
        }

        for (int phase = 1; phase <= 3; phase++)
        {
            int ma = _circuit.PhaseCurrentMa(phase);
            if (ma > currentMa)
            {
                currentMa = ma;
            }
        }

        return true;
    }
}
