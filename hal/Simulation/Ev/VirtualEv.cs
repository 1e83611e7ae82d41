using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// An electric vehicle at the end of the charging cable, as IEC 61851-1 Annex A sees it: the pilot network
/// (diode, R3, R2 switched by S2), its reading of the PWM duty cycle (Table A.8) and the current its on-board
/// charger draws. Everything a test needs to script is a property or a method; faults are flags.
/// </summary>
/// <remarks>
/// The duty-cycle decoding here is the EV's, written from Table A.8 independently of the firmware's encoder,
/// so the two check each other.
/// </remarks>
public sealed class VirtualEv : ISimulatedDevice
{
    /// <summary>Nominal phase voltage the EV assumes for its energy bookkeeping, millivolts.</summary>
    public const int NominalPhaseVoltageMv = 230000;

    private readonly Func<int> _dutyPermille;
    private readonly Func<bool> _powerPresent;
    private long _lastUs;
    private bool _started;
    private double _drawnMa;
    private double _receivedWh;
    private long _offerGoneSinceUs = -1;

    /// <summary>
    /// Creates an unplugged EV. <paramref name="dutyPermille"/> reads the pilot generator,
    /// <paramref name="powerPresent"/> says whether the contactor supplies mains to the cable.
    /// </summary>
    public VirtualEv(Func<int> dutyPermille, Func<bool> powerPresent)
    {
        _dutyPermille = dutyPermille;
        _powerPresent = powerPresent;
    }

    /// <summary>Reads the pilot as the EV sees it; false when the EVSE's generator is dead (0 V, no PWM).</summary>
    public Func<bool> PilotAlive { get; set; } = () => true;

    /// <summary>True while the cable is plugged into the EV.</summary>
    public bool IsPluggedIn { get; private set; }

    /// <summary>S2 closed: the EV requests energy (state C, or D with ventilation).</summary>
    public bool S2Closed { get; set; }

    /// <summary>When true (default), S2 follows <see cref="WantsToCharge"/> and the offer, as a real EV does.</summary>
    public bool AutomaticS2 { get; set; } = true;

    /// <summary>The EV wants energy (battery not full, no user stop).</summary>
    public bool WantsToCharge { get; set; } = true;

    /// <summary>The EV needs ventilation: R2 = 270 Ω, state D.</summary>
    public bool RequiresVentilation { get; set; }

    /// <summary>Fault: the pilot diode is shorted (the low plateau no longer reaches −12 V).</summary>
    public bool DiodeShorted { get; set; }

    /// <summary>Fault: the pilot is shorted to protective earth (state E).</summary>
    public bool PilotShortedToPe { get; set; }

    /// <summary>
    /// A compliant EV opens S2 (C → B) when the EVSE switches PWM off (IEC 61851-1 Table A.6 sequence 10.1);
    /// some do not (they stay in C1 and keep drawing until the EVSE opens under load after 6 s, sequence 10.2).
    /// </summary>
    public bool OpensS2WhenPwmStops { get; set; } = true;

    /// <summary>How long a compliant EV takes to open S2 after PWM stops, milliseconds.</summary>
    public int PwmStopResponseMs { get; set; } = 500;

    /// <summary>Fault: the EV keeps drawing its current even when the offer drops.</summary>
    public bool IgnoresOfferChanges { get; set; }

    /// <summary>Fault or test hook: when set, the EV draws this current per phase whatever the offer, milliamperes.</summary>
    public int? ForcedCurrentMa { get; set; }

    /// <summary>Most current the on-board charger takes per phase, milliamperes.</summary>
    public int MaxCurrentMa { get; set; } = 32000;

    /// <summary>Phases the on-board charger uses (1 or 3).</summary>
    public int Phases { get; set; } = 3;

    /// <summary>How fast the draw follows the target, milliamperes per second (IEC 61851-1 allows 5 s to adapt).</summary>
    public int CurrentRampMaPerSecond { get; set; } = 10000;

    /// <summary>Usable battery capacity, watt-hours; 0 means never full.</summary>
    public double BatteryCapacityWh { get; set; }

    /// <summary>Energy received since plug-in, watt-hours (from the nominal voltage and the drawn current).</summary>
    public double ReceivedWh => _receivedWh;

    /// <summary>Current drawn per phase right now, milliamperes.</summary>
    public int DrawnCurrentMa => (int)Math.Round(_drawnMa);

    /// <summary>The EV's reading of the current offer, milliamperes (0 when charging is not allowed).</summary>
    public int OfferedCurrentMa => PilotAlive() ? DecodeOfferMa(_dutyPermille()) : 0;

    /// <summary>Plugs the cable in (state B, or C once S2 closes).</summary>
    public void PlugIn()
    {
        IsPluggedIn = true;
        _receivedWh = 0;
    }

    /// <summary>Unplugs the cable (state A). S2 opens as the EV's inlet is released.</summary>
    public void Unplug()
    {
        IsPluggedIn = false;
        S2Closed = false;
        _drawnMa = 0;
    }

    /// <summary>
    /// The EV's interpretation of the duty cycle, IEC 61851-1 Table A.8, in milliamperes per phase.
    /// </summary>
    public static int DecodeOfferMa(int dutyPermille)
    {
        if (dutyPermille < 30)
        {
            return 0; // < 3 %: charging not allowed
        }

        if (dutyPermille <= 70)
        {
            return 0; // 3–7 %: digital communication required (5 % nominal); no analog current
        }

        if (dutyPermille < 80)
        {
            return 0; // 7–8 %: charging not allowed
        }

        if (dutyPermille < 100)
        {
            return 6000; // 8–10 %: 6 A
        }

        if (dutyPermille <= 850)
        {
            return dutyPermille * 60; // 10–85 %: I = duty[%] × 0.6 A
        }

        if (dutyPermille <= 960)
        {
            return (dutyPermille - 640) * 250; // 85–96 %: I = (duty[%] − 64) × 2.5 A
        }

        if (dutyPermille <= 970)
        {
            return 80000; // 96–97 %: 80 A
        }

        return 0; // > 97 %: charging not allowed
    }

    /// <inheritdoc />
    public void Advance(long nowUs)
    {
        long dtUs = _started ? nowUs - _lastUs : 0;
        _started = true;
        _lastUs = nowUs;
        if (!IsPluggedIn)
        {
            _drawnMa = 0;
            return;
        }

        int offerMa = OfferedCurrentMa;
        if (AutomaticS2)
        {
            // A real EV closes S2 once it sees an acceptable offer and wants energy, and opens it when done.
            bool full = BatteryCapacityWh > 0 && _receivedWh >= BatteryCapacityWh;
            if (full)
            {
                WantsToCharge = false;
            }

            bool offerGoneLongEnough = false;
            if (offerMa > 0)
            {
                _offerGoneSinceUs = -1;
            }
            else
            {
                if (_offerGoneSinceUs < 0)
                {
                    _offerGoneSinceUs = nowUs;
                }

                offerGoneLongEnough = OpensS2WhenPwmStops && nowUs - _offerGoneSinceUs >= PwmStopResponseMs * 1000L;
            }

            S2Closed = WantsToCharge && (offerMa > 0 || (S2Closed && !offerGoneLongEnough));
        }

        double targetMa = 0;
        if (_powerPresent() && S2Closed)
        {
            targetMa = ForcedCurrentMa ?? Math.Min(offerMa, MaxCurrentMa);
            if (IgnoresOfferChanges && ForcedCurrentMa == null && _drawnMa > 0)
            {
                targetMa = _drawnMa;
            }
        }

        if (!_powerPresent())
        {
            _drawnMa = 0; // no voltage, no current
        }
        else
        {
            double stepMa = CurrentRampMaPerSecond * dtUs / 1e6;
            if (ForcedCurrentMa != null || _drawnMa > targetMa && targetMa == 0 && !S2Closed)
            {
                _drawnMa = targetMa;
            }
            else if (_drawnMa < targetMa)
            {
                _drawnMa = Math.Min(targetMa, _drawnMa + stepMa);
            }
            else if (_drawnMa > targetMa)
            {
                _drawnMa = Math.Max(targetMa, _drawnMa - stepMa);
            }
        }

        _receivedWh += _drawnMa / 1000.0 * Phases * (NominalPhaseVoltageMv / 1000.0) * dtUs / 3.6e9;
    }
}
