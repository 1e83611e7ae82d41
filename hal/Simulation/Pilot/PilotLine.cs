using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// Electrical model of the control-pilot circuit of IEC 61851-1 Annex A (Figure A.1, component values of
/// Tables A.1 and A.2): the EVSE's ±12 V generator behind R1, and the EV's diode D, R3 always connected
/// and R2 switched in by S2. It gives the voltage at the EVSE's measuring point for each generator level.
/// </summary>
/// <remarks>
/// With the diode conducting on the positive half: V = Vd + (Vg − Vd)·Rev / (R1 + Rev), Rev = R3 ∥ R2.
/// Nominal values give 8.98 V (B), 5.99 V (C) and 2.93 V (D). On the negative half the diode blocks and the
/// line sits at the generator's −12 V — unless the diode is shorted, which the EVSE's diode check detects.
/// </remarks>
public sealed class PilotLine
{
    /// <summary>EVSE generator, positive level (Table A.1: +12 V ± 0.6 V), millivolts.</summary>
    public double GeneratorHighMv { get; set; } = 12000;

    /// <summary>EVSE generator, negative level (Table A.1: −12 V ± 0.6 V), millivolts.</summary>
    public double GeneratorLowMv { get; set; } = -12000;

    /// <summary>EVSE source resistor R1 (Table A.1: 1000 Ω ± 3 %), ohms.</summary>
    public double R1Ohm { get; set; } = 1000;

    /// <summary>EV permanent resistor R3 (Table A.2: 2.74 kΩ ± 3 %), ohms.</summary>
    public double R3Ohm { get; set; } = 2740;

    /// <summary>EV resistor R2 for "ventilation not required" (Table A.2: 1.3 kΩ ± 3 %), ohms.</summary>
    public double R2NoVentilationOhm { get; set; } = 1300;

    /// <summary>EV resistor R2 for "ventilation required" (Table A.2: 270 Ω ± 3 %), ohms.</summary>
    public double R2VentilationOhm { get; set; } = 270;

    /// <summary>EV diode forward voltage (Table A.2: 0.55–0.85 V, 0.7 V typical), millivolts.</summary>
    public double DiodeForwardMv { get; set; } = 700;

    /// <summary>The ±12 V generator is supplied; without supply (mains cut) the line sits at 0 V.</summary>
    public bool GeneratorPowered { get; set; } = true;

    /// <summary>Voltage at the measuring point while the generator outputs <paramref name="generatorMv"/>.</summary>
    public int VoltageMv(double generatorMv, VirtualEv ev)
    {
        if (!GeneratorPowered)
        {
            return 0;
        }

        if (ev == null || !ev.IsPluggedIn)
        {
            return Round(generatorMv);
        }

        if (ev.PilotShortedToPe)
        {
            return 0;
        }

        double rEv = R3Ohm;
        if (ev.S2Closed)
        {
            double r2 = ev.RequiresVentilation ? R2VentilationOhm : R2NoVentilationOhm;
            rEv = R3Ohm * r2 / (R3Ohm + r2);
        }

        double vd = ev.DiodeShorted ? 0 : DiodeForwardMv;
        if (generatorMv > vd)
        {
            return Round(vd + (generatorMv - vd) * rEv / (R1Ohm + rEv));
        }

        if (!ev.DiodeShorted)
        {
            // Diode reverse-biased: no current, the line follows the generator.
            return Round(generatorMv);
        }

        return Round(generatorMv * rEv / (R1Ohm + rEv));
    }

    private static int Round(double mv) => (int)Math.Round(mv, MidpointRounding.AwayFromZero);
}
