using System;
using System.Globalization;
using Wallbox.Boards.Virtual;
using Wallbox.Drivers.Pilot;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Faults;
using Wallbox.Hal.Simulation;
using Xunit.Abstractions;

namespace Wallbox.Firmware.Tests.Charging;

/// <summary>
/// Property-based safety test: random EV behaviour, faults, authorisations, limits and power cuts on the virtual
/// wallbox, with the safety invariants checked after every 10 ms step. A failure names its seed; rerun one seed
/// with WALLBOX_SAFETY_SEED=&lt;seed&gt;.
/// </summary>
public sealed class ChargingSafetyPropertyTests
{
    private const int StepsPerSeed = 40_000;

    /// <summary>Chance of a random action per 10 ms step: one every 1.7 s on average, so sessions get to charge.</summary>
    private const double ActionProbabilityPerStep = 0.006;

    /// <summary>
    /// The coil must be off this long after an immediate cause, milliseconds: the 100 ms of IEC 61851-1
    /// Table A.6 minus the simulated contactor's release time, so the contacts are open within 100 ms.
    /// </summary>
    private const int CoilOffDeadlineMs = IecTimings.SwitchOffDeadlineMs - 15;

    private readonly ITestOutputHelper _output;

    public ChargingSafetyPropertyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Safety_invariants_hold_over_320000_random_steps()
    {
        string fixedSeed = Environment.GetEnvironmentVariable("WALLBOX_SAFETY_SEED");
        int[] seeds = fixedSeed != null ? new[] { int.Parse(fixedSeed, CultureInfo.InvariantCulture) } : new[] { 11, 23, 37, 41, 59, 61, 73, 89 };
        long totalSteps = 0;
        int closings = 0;
        int openings = 0;
        foreach (int seed in seeds)
        {
            var run = new SafetyRun(seed);
            string violation = run.Execute(StepsPerSeed);
            _output.WriteLine($"report: safety property seed {seed}: {run.Steps} steps, {run.Actions} actions, {run.Closings} contactor closings, {run.ImmediateOpenings} immediate and {run.GracefulOpenings} graceful openings checked, {run.Boots - 1} reboots, {run.StateHistogram[(int)ChargingState.Charging] * 100 / run.Steps} % of steps charging; faults seen: {run.FaultsSeen}");
            Assert.True(violation == null, $"seed {seed}: {violation} (rerun with WALLBOX_SAFETY_SEED={seed})");
            totalSteps += run.Steps;
            closings += run.Closings;
            openings += run.ImmediateOpenings + run.GracefulOpenings;
        }

        if (fixedSeed == null)
        {
            // The run must exercise what it checks: enough sessions energised and enough reactions measured.
            Assert.True(totalSteps >= 100_000, totalSteps + " steps");
            Assert.True(closings >= 50, closings + " contactor closings");
            Assert.True(openings >= 40, openings + " openings checked against their deadline");
        }
    }

    /// <summary>One random run and its oracle.</summary>
    private sealed class SafetyRun
    {
        private readonly Random _random;
        private readonly VirtualWallbox _wallbox;
        private readonly VirtualWallboxHardware _hw;
        private readonly bool _ventilation;
        private long _immediateCauseSinceUs = -1;
        private string _immediateCause;
        private long _pwmOffWhileCoilOnSinceUs = -1;
        private long _overCurrentSinceUs = -1;
        private bool _coilWasOn;
        private bool _weldLatchedSeen;
        private int _faultBitsSeen;
        private readonly System.Collections.Generic.List<(int DueStep, Action Undo)> _reverts = new System.Collections.Generic.List<(int, Action)>();
        private readonly bool _allowWeld;
        private readonly int _weldNotBeforeStep;

        public SafetyRun(int seed)
        {
            _random = new Random(seed);
            _ventilation = _random.Next(2) == 0;
            _allowWeld = _random.Next(2) == 0;
            _weldNotBeforeStep = StepsPerSeed * 4 / 5;
            var settings = new ChargingSettings
            {
                VentilationAvailable = _ventilation,
                RequireAuthorization = _random.Next(3) != 0,
                BreakerRatingA = new[] { 0, 20, 25, 32, 40 }[_random.Next(5)],
            };
            _wallbox = new VirtualWallbox(settings);
            _hw = _wallbox.Hardware;
            _hw.WallClock.SetUtc(new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc));
        }

        public int Steps { get; private set; }

        public int[] StateHistogram { get; } = new int[9];

        public int Actions { get; private set; }

        public int Closings { get; private set; }

        public int ImmediateOpenings { get; private set; }

        public int GracefulOpenings { get; private set; }

        public int Boots => _wallbox.BootCount;

        public string FaultsSeen
        {
            get
            {
                string list = string.Empty;
                for (int i = 0; i < FaultCatalog.Count; i++)
                {
                    if ((_faultBitsSeen & (1 << i)) != 0)
                    {
                        list += (list.Length == 0 ? string.Empty : ",") + FaultCatalog.Get((ChargingFault)i).VendorErrorCode;
                    }
                }

                return list.Length == 0 ? "none" : list;
            }
        }

        public string Execute(int steps)
        {
            for (int i = 0; i < steps; i++)
            {
                RunDueReverts();
                if (_random.NextDouble() < ActionProbabilityPerStep)
                {
                    ApplyRandomAction();
                    Actions++;
                }

                _wallbox.Step();
                Steps++;
                if (_wallbox.Firmware != null)
                {
                    StateHistogram[(int)_wallbox.Firmware.Charging.State]++;
                }
                string violation = Check();
                if (violation != null)
                {
                    return "step " + Steps + " at " + _wallbox.NowMs + " ms: " + violation;
                }
            }

            return null;
        }

        private void ApplyRandomAction()
        {
            VirtualEv ev = _hw.Ev;
            ChargingController charging = _wallbox.Firmware?.Charging;
            int roll = _random.Next(100);
            if (roll < 10)
            {
                _hw.PlugInEv(new[] { 13, 20, 32, 63 }[_random.Next(4)]);
            }
            else if (roll < 15)
            {
                if (_random.Next(3) == 0)
                {
                    ev.Unplug(); // EV side only; the cable stays in the socket
                }
                else
                {
                    _hw.UnplugEv();
                }
            }
            else if (roll < 21)
            {
                ev.AutomaticS2 = false;
                ev.S2Closed = !ev.S2Closed;
            }
            else if (roll < 27)
            {
                ev.AutomaticS2 = true;
                ev.WantsToCharge = _random.Next(5) != 0;
                ev.OpensS2WhenPwmStops = _random.Next(3) != 0;
            }
            else if (roll < 47)
            {
                charging?.Authorize(_wallbox.NowMs);
            }
            else if (roll < 50)
            {
                charging?.Stop(_random.Next(2) == 0 ? StopReason.Local : StopReason.Remote, _wallbox.NowMs);
            }
            else if (roll < 55)
            {
                charging?.Limits.Set(CurrentLimitSource.SmartCharging, _random.Next(2) == 0 ? int.MaxValue : _random.Next(0, 40_000));
            }
            else if (roll < 59)
            {
                charging?.Limits.Set(CurrentLimitSource.LoadManagement, _random.Next(2) == 0 ? int.MaxValue : _random.Next(0, 40_000));
            }
            else if (roll < 61)
            {
                charging?.SetAvailable(_random.Next(3) != 0);
                Revert(() => _wallbox.Firmware?.Charging.SetAvailable(true));
            }
            else if (roll < 64)
            {
                ev.IgnoresOfferChanges = _random.Next(2) == 0;
                ev.ForcedCurrentMa = _random.Next(3) == 0 ? _random.Next(0, 50_000) : null;
                Revert(() => ev.ForcedCurrentMa = null, 30_000);
            }
            else if (roll < 66)
            {
                _hw.Rcd.DcLeakageMa = new[] { 3, 6, 30, 300, 300 }[_random.Next(5)];
                Revert(() => _hw.Rcd.DcLeakageMa = 0);
            }
            else if (roll < 68)
            {
                ev.DiodeShorted = true;
                Revert(() => ev.DiodeShorted = false);
            }
            else if (roll < 71)
            {
                ev.PilotShortedToPe = true;
                Revert(() => ev.PilotShortedToPe = false);
            }
            else if (roll < 73)
            {
                ev.RequiresVentilation = true;
                Revert(() => ev.RequiresVentilation = false);
            }
            else if (roll < 75)
            {
                _hw.PilotSampler.Fails = true;
                Revert(() => _hw.PilotSampler.Fails = false, 500);
            }
            else if (roll < 77)
            {
                _hw.PilotSampler.NoiseAmplitudeMv = _random.Next(0, 400);
                Revert(() => _hw.PilotSampler.NoiseAmplitudeMv = 0, 20_000);
            }
            else if (roll < 80)
            {
                _hw.TerminalTemperature.DeciCelsius = _random.Next(500, 950);
                Revert(() => _hw.TerminalTemperature.DeciCelsius = 250, 20_000);
            }
            else if (roll < 81)
            {
                _hw.TerminalTemperature.Fails = true;
                Revert(() => _hw.TerminalTemperature.Fails = false);
            }
            else if (roll < 83)
            {
                _hw.SocketLock.Jammed = true;
                Revert(() => _hw.SocketLock.Jammed = false);
            }
            else if (roll < 85)
            {
                _hw.LockFeedback.StuckAt = false;
                Revert(() => _hw.LockFeedback.StuckAt = null, 500);
            }
            else if (roll < 87)
            {
                double? was = _hw.ProximityPilot.CableResistorOhm;
                _hw.ProximityPilot.CableResistorOhm = _random.Next(2) == 0 ? 5000 : null;
                Revert(() => _hw.ProximityPilot.CableResistorOhm = was ?? 220, 300);
            }
            else if (roll < 88)
            {
                _hw.Contactor.CoilOpenCircuit = true;
                Revert(() => _hw.Contactor.CoilOpenCircuit = false);
            }
            else if (roll < 89)
            {
                _hw.Rcd.SelfTestBroken = _random.Next(3) == 0;
                Revert(() => _hw.Rcd.SelfTestBroken = false, 10_000);
            }
            else if (roll < 90)
            {
                if (_hw.MainsPresent)
                {
                    _hw.CutPower();
                    Revert(
                        () =>
                        {
                            _hw.RestorePower();
                            _hw.WallClock.SetUtc(new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc).AddMilliseconds(_wallbox.NowMs));
                        },
                        _random.Next(4) == 0 ? 90_000 : 10_000);
                }
            }
            else if (roll < 92 && _allowWeld && Steps > _weldNotBeforeStep)
            {
                _hw.Contactor.IsWelded = true;
            }
        }

        private void Revert(Action undo, int maxMs = 3000)
        {
            int dueStep = Steps + 1 + _random.Next(Math.Max(1, maxMs / 10));
            _reverts.Add((dueStep, undo));
        }

        private void RunDueReverts()
        {
            for (int i = _reverts.Count - 1; i >= 0; i--)
            {
                if (_reverts[i].DueStep <= Steps)
                {
                    Action undo = _reverts[i].Undo;
                    _reverts.RemoveAt(i);
                    undo();
                }
            }
        }

        private string Check()
        {
            long nowUs = _hw.Clock.NowUs;
            bool coil = _hw.ContactorCoil.IsOn;
            int duty = _hw.PilotPwm.DutyPermille;
            bool pwmOn = duty > 0 && duty < 1000;
            ChargingController charging = _wallbox.Firmware?.Charging;

            // Offer: PWM is steady or encodes at least 6 A (Table A.8); 5 % (digital) is never produced.
            if (pwmOn && (duty < 100 || duty > 960))
            {
                return "duty cycle " + duty + " permille offers less than 6 A or is reserved";
            }

            if (coil && !_coilWasOn)
            {
                Closings++;
            }

            _coilWasOn = coil;

            // RCD: the coil is released in the tick that reads the module's fault output.
            if (_hw.RcdFault.IsActive && coil)
            {
                return "coil on while the RCD module signals a fault";
            }

            if (charging != null)
            {
                _faultBitsSeen |= charging.Faults.Bits;
                if (charging.Faults.Contains(ChargingFault.WeldedContactor))
                {
                    _weldLatchedSeen = true;
                }

                string firmwareView = CheckFirmwareView(charging, coil, pwmOn);
                if (firmwareView != null)
                {
                    return firmwareView;
                }
            }

            if (_weldLatchedSeen && coil)
            {
                return "coil energised after a welded contactor was latched";
            }

            string deadline = CheckImmediateDeadline(nowUs, coil, pwmOn);
            return deadline ?? CheckGracefulAndOverCurrentDeadlines(nowUs, coil, pwmOn);
        }

        private string CheckFirmwareView(ChargingController charging, bool coil, bool pwmOn)
        {
            if (!coil)
            {
                return null;
            }

            PilotState ev = charging.PilotState;
            if (ev != PilotState.C && !(ev == PilotState.D && _ventilation))
            {
                return "coil on with the pilot in state " + ev;
            }

            FaultSet faults = charging.Faults;
            FaultSet graceful = faults;
            graceful.Remove(ChargingFault.HighTemperature);
            graceful.Remove(ChargingFault.TemperatureSensorFailure);
            if (!graceful.IsEmpty)
            {
                faults.TryGetPrimary(out ChargingFault primary);
                return "coil on with fault " + FaultCatalog.Get(primary).VendorErrorCode;
            }

            bool inGracefulWindow = !pwmOn && charging.PwmOffWhileClosedSinceMs >= 0
                && _wallbox.NowMs - charging.PwmOffWhileClosedSinceMs <= IecTimings.PowerOffUnderLoadInC1TimeoutMs;
            if (!faults.IsEmpty && !inGracefulWindow)
            {
                return "coil on with a temperature fault outside the 6 s window";
            }

            if (charging.Session != SessionPhase.Active && !inGracefulWindow)
            {
                return "coil on without an active session (" + charging.Session + ")";
            }

            if (!inGracefulWindow && (!pwmOn || charging.OfferedCurrentMa < 6000))
            {
                return "coil on with an offer of " + charging.OfferedCurrentMa + " mA";
            }

            if (_wallbox.Settings.HasSocket && !_hw.LockFeedback.IsActive)
            {
                return "coil on with the socket unlocked";
            }

            return null;
        }

        private string CheckImmediateDeadline(long nowUs, bool coil, bool pwmOn)
        {
            VirtualEv ev = _hw.Ev;
            string cause = null;
            if (!ev.IsPluggedIn)
            {
                cause = "EV unplugged (seq. 2.2)";
            }
            else if (!ev.S2Closed)
            {
                cause = "EV opened S2 (seq. 8.1)";
            }
            else if (ev.PilotShortedToPe)
            {
                cause = "pilot shorted to PE (state E)";
            }
            else if (ev.RequiresVentilation && !_ventilation)
            {
                cause = "state D without ventilation";
            }
            else if (ev.DiodeShorted && pwmOn)
            {
                cause = "EV diode shorted";
            }
            else if (_hw.PilotSampler.Fails)
            {
                cause = "pilot unreadable";
            }
            else if (_hw.ProximityPilot.CableResistorOhm == null)
            {
                cause = "plug pulled out of the socket";
            }
            else if (!_hw.LockFeedback.IsActive)
            {
                cause = "socket lock not locked";
            }
            else if (!_hw.MainsPresent)
            {
                cause = "mains cut";
            }

            if (cause == null || !coil)
            {
                if (_immediateCauseSinceUs >= 0 && !coil && cause != null)
                {
                    ImmediateOpenings++;
                }

                _immediateCauseSinceUs = cause != null && coil ? nowUs : -1;
                _immediateCause = cause;
                return null;
            }

            if (_immediateCauseSinceUs < 0 || cause != _immediateCause)
            {
                _immediateCauseSinceUs = nowUs - _wallbox.LoopPeriodUs + 1; // the cause appeared during the last step
                _immediateCause = cause;
            }

            long heldMs = (nowUs - _immediateCauseSinceUs) / 1000;
            return heldMs > CoilOffDeadlineMs ? "coil still on " + heldMs + " ms after: " + cause : null;
        }

        private string CheckGracefulAndOverCurrentDeadlines(long nowUs, bool coil, bool pwmOn)
        {
            if (coil && !pwmOn)
            {
                if (_pwmOffWhileCoilOnSinceUs < 0)
                {
                    _pwmOffWhileCoilOnSinceUs = nowUs;
                }
                else if ((nowUs - _pwmOffWhileCoilOnSinceUs) / 1000 > IecTimings.PowerOffUnderLoadInC1TimeoutMs + _wallbox.LoopPeriodUs / 1000)
                {
                    return "coil still on " + (nowUs - _pwmOffWhileCoilOnSinceUs) / 1000 + " ms after PWM off (seq. 10.2 allows 6 s)";
                }
            }
            else
            {
                if (_pwmOffWhileCoilOnSinceUs >= 0 && !coil)
                {
                    GracefulOpenings++;
                }

                _pwmOffWhileCoilOnSinceUs = -1;
            }

            int maxPhaseMa = Math.Max(_hw.Meter.PhaseCurrentMa(1), Math.Max(_hw.Meter.PhaseCurrentMa(2), _hw.Meter.PhaseCurrentMa(3)));
            int offerMa = pwmOn ? PilotDutyCycle.ToCurrentMa(_hw.PilotPwm.DutyPermille) : 0;
            bool over = coil && pwmOn && (long)maxPhaseMa * 4 >= (long)offerMa * 5;
            if (!over)
            {
                _overCurrentSinceUs = -1;
                return null;
            }

            if (_overCurrentSinceUs < 0)
            {
                _overCurrentSinceUs = nowUs;
            }

            return (nowUs - _overCurrentSinceUs) / 1000 >= 10_000 ? "over-current of " + maxPhaseMa + " mA for 10 s on an offer of " + offerMa + " mA (CPH-80)" : null;
        }
    }
}
