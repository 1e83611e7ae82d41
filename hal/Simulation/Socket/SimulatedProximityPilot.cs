using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// The proximity-pilot (PP) circuit of a Type 2 socket: the cable's coding resistor Rc between PP and PE
/// (IEC 61851-1 Annex B, Table B.2: 1.5 kΩ = 13 A, 680 Ω = 20 A, 220 Ω = 32 A, 100 Ω = 63 A) against the
/// board's pull-up. It drives an analog input with the divider voltage.
/// </summary>
public sealed class SimulatedProximityPilot : ISimulatedDevice
{
    private readonly SimulatedAnalogInput _input;

    /// <summary>Creates the circuit with no cable inserted.</summary>
    public SimulatedProximityPilot(SimulatedAnalogInput input)
    {
        _input = input;
    }

    /// <summary>Board pull-up from PP to the supply, ohms.</summary>
    public double PullUpOhm { get; set; } = 1000;

    /// <summary>Pull-up supply, millivolts.</summary>
    public double SupplyMv { get; set; } = 3300;

    /// <summary>Coding resistor of the inserted cable, ohms; null when no cable is inserted.</summary>
    public double? CableResistorOhm { get; set; }

    /// <summary>Inserts a cable of the given current rating (13, 20, 32 or 63 A) with its Table B.2 resistor.</summary>
    public void InsertCable(int ratingA) => CableResistorOhm = ratingA switch
    {
        13 => 1500,
        20 => 680,
        32 => 220,
        63 => 100,
        _ => throw new ArgumentOutOfRangeException(nameof(ratingA), "IEC 61851-1 Table B.2 codes 13, 20, 32 and 63 A"),
    };

    /// <summary>Removes the cable from the socket.</summary>
    public void RemoveCable() => CableResistorOhm = null;

    /// <inheritdoc />
    public void Advance(long nowUs)
    {
        double mv = CableResistorOhm is double rc ? SupplyMv * rc / (PullUpOhm + rc) : SupplyMv;
        _input.Millivolts = (int)Math.Round(mv);
    }
}
