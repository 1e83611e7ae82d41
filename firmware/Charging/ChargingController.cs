using Wallbox.Drivers.Contactor;
using Wallbox.Drivers.Pilot;
using Wallbox.Drivers.Proximity;
using Wallbox.Drivers.Rcd;
using Wallbox.Drivers.SocketLock;
using Wallbox.Firmware.Charging.Faults;
using Wallbox.Firmware.Charging.Protection;
using Wallbox.Firmware.Runtime;
using Wallbox.Firmware.Storage;
using Wallbox.Hal;

namespace Wallbox.Firmware.Charging
{
    /// <summary>
    /// The IEC 61851-1 charging controller of one connector: it owns the pilot, contactor, RCD and socket-lock
    /// drivers, ticks them itself (so a reaction happens in the tick that sees its cause), supervises faults,
    /// keeps the session, and decides the pilot signal, the lock and the contactor.
    /// </summary>
    /// <remarks>
    /// <para>Each tick: drivers → fault supervision → session → limits → outputs → state → persistence.</para>
    /// <para>The contactor closes only in state C (or D with ventilation), with PWM on (offer ≥ 6 A), an active
    /// authorised session, a passed RCD self-test for this session, the socket locked and no fault. It opens in the
    /// same tick as soon as the EV leaves state C/D, the RCD trips or any other fault appears (IEC 61851-1 Table A.6
    /// sequences 2.2, 8.1: within 100 ms). Stopping or pausing the session switches PWM off first and waits up to
    /// 6 s for the EV to leave state C before opening under load (sequence 10.2).</para>
    /// </remarks>
    public sealed class ChargingController : ITickable, IFailSafe
    {
        /// <summary>
        /// How long PP may read "no cable" while the pilot still sees an EV before it is an invalid cable,
        /// milliseconds. Our choice: a plug being pulled out takes a fraction of this; a broken PP line stays.
        /// </summary>
        public const int CableMissingToleranceMs = 1000;

        /// <summary>Interval of the retried RCD self-test after a failure, milliseconds. Our choice.</summary>
        public const int RcdSelfTestRetryIntervalMs = 60000;

        private const string LogSource = "charging";

        private readonly ControlPilot _pilot;
        private readonly Contactor _contactor;
        private readonly RcdModule _rcd;
        private readonly SocketLock _lock;
        private readonly ProximityPilot _proximity;
        private readonly ITemperatureSensor _temperature;
        private readonly IPhaseCurrentSource _currents;
        private readonly PersistentRecord _record;
        private readonly IWallClock _wall;
        private readonly Logger _log;
        private ChargingSettings _settings;
        private readonly ChargingFaultSupervisor _faults;
        private readonly RcdProtection _rcdProtection = new RcdProtection();
        private readonly OverCurrentProtection _overCurrent = new OverCurrentProtection();
        private readonly TemperatureProtection _temperatureProtection = new TemperatureProtection();
        private readonly OverCurrentLockoutClock _lockoutClock = new OverCurrentLockoutClock();
        private readonly PowerUpSelfTest _selfTest = new PowerUpSelfTest();
        private readonly ChargingPersistentState _persisted;

        private bool _selfTestStarted;
        private bool _settingsApplied;
        private long _firstTickMs;
        private bool _available = true;
        private bool _sessionRcdTestPassed;
        private bool _sessionRcdTestTried;
        private bool _rcdTestRunning;
        private long _lastRcdTestMs;
        private long _pendingDeadlineMs;
        private bool _autoStartArmed = true;
        private bool _lastPwmOn;
        private long _pwmOffSinceMs = -1;
        private int _lastOfferMa;
        private bool _wasUnplugged;
        private int _savedLatchedBits;
        private bool _savedSessionActive;
        private int _savedSessionNumber;
        private CableRating _cable = CableRating.NoCable;
        private long _cableMissingSinceMs = -1;

        /// <summary>
        /// Creates the controller. <paramref name="socketLock"/> and <paramref name="proximity"/> are null on a
        /// tethered wallbox; <paramref name="temperature"/> and <paramref name="currents"/> are null when the board
        /// has no such measurement (the protection is then inactive, and a warning is logged).
        /// </summary>
        public ChargingController(
            ChargingSettings settings,
            ControlPilot pilot,
            Contactor contactor,
            RcdModule rcd,
            SocketLock socketLock,
            ProximityPilot proximity,
            ITemperatureSensor temperature,
            IPhaseCurrentSource currents,
            PersistentRecord record,
            ChargingPersistentState persisted,
            IWallClock wall,
            Logger log,
            bool waitForStoredSettings)
        {
            string error = null;
            if (settings == null || !settings.Validate(out error))
            {
                throw new System.ArgumentException(settings == null ? "settings missing" : error, "settings");
            }

            _settings = settings.Clone();
            _pilot = pilot;
            _contactor = contactor;
            _rcd = rcd;
            _lock = _settings.HasSocket ? socketLock : null;
            _proximity = _settings.HasSocket ? proximity : null;
            _temperature = temperature;
            _currents = currents;
            _record = record;
            _persisted = persisted;
            _wall = wall;
            _log = log;
            _faults = new ChargingFaultSupervisor(log);
            Limits = new CurrentLimits(_settings.HardwareRatingA * 1000);
            ApplySettingLimits();
            _settingsApplied = !waitForStoredSettings;

            if (_currents == null)
            {
                _log.Warning(LogSource, "no phase-current measurement: over-current protection inactive");
            }

            if (_temperature == null)
            {
                _log.Warning(LogSource, "no temperature sensor: over-temperature protection inactive");
            }

            State = ChargingState.SelfTest;
        }

        /// <summary>What the controller is doing.</summary>
        public ChargingState State { get; private set; }

        /// <summary>The current session's phase.</summary>
        public SessionPhase Session { get; private set; }

        /// <summary>Number of the current (or last) session; increases by one per session, persisted.</summary>
        public int SessionNumber { get; private set; }

        /// <summary>Why the last session ended.</summary>
        public StopReason LastStopReason { get; private set; }

        /// <summary>True when the current session was resumed after a power loss (CPL-85).</summary>
        public bool ResumedAfterPowerLoss { get; private set; }

        /// <summary>The active faults.</summary>
        public FaultSet Faults { get { return _faults.Active; } }

        /// <summary>The limits of every source; set smart-charging and load-management limits here.</summary>
        public CurrentLimits Limits { get; private set; }

        /// <summary>Debounced pilot state.</summary>
        public PilotState PilotState { get { return _pilot.State; } }

        /// <summary>Current offered to the EV by the pilot duty cycle, milliamperes (0 without PWM).</summary>
        public int OfferedCurrentMa { get { return _pilot.OfferedCurrentMa; } }

        /// <summary>True while the contactor's feedback reports closed contacts.</summary>
        public bool IsEnergized { get { return _contactor.IsClosed; } }

        /// <summary>True while the coil is energised.</summary>
        public bool IsContactorCommandedClosed { get { return _contactor.IsCommandedClosed; } }

        /// <summary>The power-up self-test and its results.</summary>
        public PowerUpSelfTest SelfTest { get { return _selfTest; } }

        /// <summary>True when the ChangeAvailability/local state allows charging.</summary>
        public bool IsAvailable { get { return _available; } }

        /// <summary>True when an RCD self-test passed for the current session.</summary>
        public bool SessionRcdTestPassed { get { return _sessionRcdTestPassed; } }

        /// <summary>True when the connector is a socket with a lock actuator (UnlockConnector applies).</summary>
        public bool HasSocketLock { get { return _lock != null; } }

        /// <summary>The socket lock's state (<see cref="SocketLockStatus.Unlocked"/> on a tethered wallbox).</summary>
        public SocketLockStatus LockStatus { get { return _lock == null ? SocketLockStatus.Unlocked : _lock.Status; } }

        /// <summary>Cable rating read from PP (tethered: <see cref="CableRating.NoCable"/>).</summary>
        public CableRating Cable { get { return _cable; } }

        /// <summary>Monotonic time PWM was switched off while the contactor was closed, or -1 (the 6 s window of Table A.6 sequence 10.2).</summary>
        public long PwmOffWhileClosedSinceMs { get { return _pwmOffSinceMs; } }

        /// <summary>
        /// Authorises charging: starts a session now when an EV is plugged in, or waits for one until the connection
        /// timeout. Returns false when nothing can charge (self-test running, unavailable, latched fault).
        /// </summary>
        public bool Authorize(long nowMs)
        {
            if (State == ChargingState.SelfTest || !_available || _faults.HasLatchedFault)
            {
                return false;
            }

            if (Session == SessionPhase.Active)
            {
                return true;
            }

            if (IsPlugged(_pilot.State))
            {
                StartSession(nowMs);
            }
            else
            {
                Session = SessionPhase.Pending;
                _pendingDeadlineMs = nowMs + _settings.ConnectionTimeoutS * 1000L;
                _log.Info(LogSource, "authorised; waiting for the EV");
            }

            return true;
        }

        /// <summary>
        /// Ends the session (or a pending authorisation). Energy stops as Table A.6 sequence 10 says: PWM off, then the
        /// contactor opens when the EV leaves state C, at the latest after 6 s. Also retries a failed unlock (CPH-22).
        /// </summary>
        public void Stop(StopReason reason, long nowMs)
        {
            if (Session == SessionPhase.Pending)
            {
                Session = SessionPhase.None;
            }
            else if (Session == SessionPhase.Active)
            {
                EndSession(reason, IsPlugged(_pilot.State) ? SessionPhase.Finishing : SessionPhase.None);
            }

            if (_lock != null && _lock.Status == SocketLockStatus.UnlockFailed)
            {
                _lock.Unlock(nowMs);
            }
        }

        /// <summary>True once the settings stored in the configuration have been applied (the self-test waits for them).</summary>
        public bool SettingsApplied { get { return _settingsApplied; } }

        /// <summary>The settings in force (a copy).</summary>
        public ChargingSettings Settings { get { return _settings.Clone(); } }

        /// <summary>
        /// Replaces the installation and owner settings (from the configuration store, at boot and after a change).
        /// The board's shape (socket or tethered, hardware rating, PP divider) cannot change at run time: a settings
        /// object that differs there, or fails <see cref="ChargingSettings.Validate"/>, is refused with a reason.
        /// New limits take effect in the next tick.
        /// </summary>
        public bool ApplySettings(ChargingSettings settings, out string error)
        {
            error = null;
            if (settings == null)
            {
                error = "settings missing";
                return false;
            }

            if (!settings.Validate(out error))
            {
                return false;
            }

            if (settings.HasSocket != _settings.HasSocket || settings.HardwareRatingA != _settings.HardwareRatingA
                || settings.ProximityPullUpOhm != _settings.ProximityPullUpOhm || settings.ProximitySupplyMv != _settings.ProximitySupplyMv)
            {
                error = "the board's connector type, hardware rating and PP divider are fixed";
                return false;
            }

            _settings = settings.Clone();
            ApplySettingLimits();
            _settingsApplied = true;
            return true;
        }

        /// <summary>
        /// Maintenance: clears the latched faults (welded contactor, over-current lockout) after a technician has
        /// repaired the cause. A contactor that is still welded is found again at the next check (CPH-82).
        /// Exposed only through authenticated maintenance interfaces.
        /// </summary>
        public void ClearLatchedFaults()
        {
            _faults.ClearLatch(ChargingFault.WeldedContactor);
            _faults.ClearLatch(ChargingFault.OverCurrentLockout);
            _overCurrent.ClearLockout();
            _lockoutClock.Reset();
            _log.Warning(LogSource, "latched faults cleared by maintenance");
        }

        /// <summary>Sets the wallbox in or out of operation (ChangeAvailability); going out stops energy like <see cref="Stop"/> does.</summary>
        public void SetAvailable(bool available)
        {
            if (_available != available)
            {
                _available = available;
                _log.Info(LogSource, available ? "set operative" : "set inoperative");
            }
        }

        /// <summary>One controller step; see the class remarks for the order.</summary>
        public void Tick(long nowMs)
        {
            _pilot.Tick(nowMs);
            _rcd.Tick(nowMs);
            _contactor.Tick(nowMs);
            if (_lock != null)
            {
                _lock.Tick(nowMs);
            }

            _record.Tick(nowMs);
            if (State == ChargingState.SelfTest)
            {
                TickSelfTest(nowMs);
                return;
            }

            PilotState ev = _pilot.State;
            Supervise(nowMs, ev);
            UpdateSession(nowMs, ev);
            DriveOutputs(nowMs, ev);
            UpdateState(ev);
            Persist(nowMs);
        }

        /// <summary>Contactor open, pilot at state F (EVSE not available), lock motor and RCD test released.</summary>
        public void EnterSafeState()
        {
            _contactor.EnterSafeState();
            _pilot.SetStateF();
            _rcd.AbortSelfTest();
            if (_lock != null)
            {
                _lock.EnterSafeState();
            }
        }

        private void ApplySettingLimits()
        {
            Limits.Set(CurrentLimitSource.User, _settings.UserMaximumA * 1000);
            Limits.Set(CurrentLimitSource.Installation, _settings.BreakerRatingA != 0 ? BreakerTable.ChargingCurrentMa(_settings.BreakerRatingA) : CurrentLimits.Unlimited);
            if (!_settings.HasSocket)
            {
                Limits.Set(CurrentLimitSource.Cable, _settings.TetheredCableRatingA * 1000);
            }
        }

        private static bool IsPlugged(PilotState ev)
        {
            return ev == PilotState.B || ev == PilotState.C || ev == PilotState.D;
        }

        private void TickSelfTest(long nowMs)
        {
            if (!_selfTestStarted)
            {
                _selfTestStarted = true;
                _firstTickMs = nowMs;
                _log.Info(LogSource, "power-up self-test started (CPH-04)");
                _selfTest.Start(nowMs, _pilot, _record);
                return;
            }

            if (_selfTest.Tick(nowMs, _pilot, _contactor, _rcd, _record, _settingsApplied))
            {
                FinishSelfTest(nowMs);
            }
        }

        private void FinishSelfTest(long nowMs)
        {
            if (!_selfTest.StateLoaded)
            {
                _log.Error(LogSource, "persisted charging state not readable in time: latched faults and session resume unknown");
            }

            // The record loaded straight into _persisted (a fresh instance holds zeros when nothing was on flash).
            SessionNumber = _persisted.SessionNumber;
            _savedSessionNumber = SessionNumber;
            for (int i = 0; i < FaultCatalog.Count; i++)
            {
                if ((_persisted.LatchedFaultBits & (1 << i)) != 0)
                {
                    _faults.Latch((ChargingFault)i);
                }
            }

            if (_faults.Active.Contains(ChargingFault.OverCurrentLockout))
            {
                _overCurrent.RestoreLockout();
                _lockoutClock.RestoreAfterBoot(_persisted.LockoutAliveUnixS, _firstTickMs);
            }

            _savedLatchedBits = _persisted.LatchedFaultBits;
            _savedSessionActive = _persisted.SessionActive;
            if (_selfTest.WeldDetected)
            {
                _faults.Latch(ChargingFault.WeldedContactor);
            }

            _faults.Set(ChargingFault.PilotGeneratorFailure, _selfTest.PilotGeneratorFailed);
            RecordRcdTestResult(_selfTest.RcdResult, nowMs);
            _log.Info(LogSource, _selfTest.Passed ? "power-up self-test passed" : "power-up self-test found faults");

            if (_persisted.SessionActive)
            {
                ResumeOrEndAfterPowerLoss(nowMs);
            }

            State = ChargingState.Available;
            PilotState ev = _pilot.State;
            _wasUnplugged = ev == PilotState.A;
            Supervise(nowMs, ev);
            UpdateState(ev);
        }

        private void ResumeOrEndAfterPowerLoss(long nowMs)
        {
            bool plugged = IsPlugged(_pilot.State);
            if (_settings.ResumeAfterPowerLoss && plugged && !_faults.HasLatchedFault)
            {
                Session = SessionPhase.Active;
                ResumedAfterPowerLoss = true;
                _sessionRcdTestPassed = _selfTest.RcdResult == RcdSelfTestResult.Passed;
                _autoStartArmed = false;
                _log.Info(LogSource, "resuming session " + SessionNumber.ToString() + " after power loss (CPL-85)");
                return;
            }

            LastStopReason = StopReason.PowerLoss;
            Session = plugged ? SessionPhase.Finishing : SessionPhase.None;
            _autoStartArmed = !plugged;
            _log.Info(LogSource, "session " + SessionNumber.ToString() + " ended by power loss");
        }

        private void Supervise(long nowMs, PilotState ev)
        {
            bool unplugged = ev == PilotState.A;
            _rcdProtection.Update(nowMs, _rcd.IsTripped, !unplugged);
            if (_rcdProtection.TripStarted)
            {
                _sessionRcdTestPassed = false;
            }

            CableRating cableForFaults = _cable;
            if (_proximity != null)
            {
                _cable = _proximity.Read();
                int cableMa = ProximityPilot.RatingMa(_cable);
                Limits.Set(CurrentLimitSource.Cable, cableMa > 0 ? cableMa : CurrentLimits.Unlimited);
                bool missing = _cable == CableRating.NoCable && IsPlugged(ev);
                if (!missing)
                {
                    _cableMissingSinceMs = -1;
                }
                else if (_cableMissingSinceMs < 0)
                {
                    _cableMissingSinceMs = nowMs;
                }

                cableForFaults = missing && nowMs - _cableMissingSinceMs >= CableMissingToleranceMs ? CableRating.Invalid : _cable;
            }

            int measuredMa = 0;
            bool measured = _currents != null
                && _currents.TryGetMaxPhaseCurrentMa(nowMs, OverCurrentProtection.MeasurementMaxAgeMs, out measuredMa);
            int referenceMa = _pilot.IsPwmOn ? _pilot.OfferedCurrentMa : _lastOfferMa;
            _overCurrent.Update(nowMs, _contactor.IsClosed, referenceMa, measured, measuredMa);

            if (_temperature != null)
            {
                int deciC;
                bool ok = _temperature.TryReadDeciCelsius(out deciC);
                Limits.Set(CurrentLimitSource.Derating, _temperatureProtection.Update(ok, deciC, _settings.HardwareRatingA * 1000));
            }

            if (_lockoutClock.PowerCycleEndedLockout(nowMs, _wall))
            {
                _overCurrent.ClearLockout();
                _faults.ClearLatch(ChargingFault.OverCurrentLockout);
                _lockoutClock.Reset();
                _log.Info(LogSource, "over-current lockout ended by a power cycle of at least 1 min (CPH-80)");
            }

            _faults.Update(
                ev,
                _pilot,
                _contactor,
                _lock,
                _settings.HasSocket,
                cableForFaults,
                _settings.VentilationAvailable,
                _rcdProtection,
                _overCurrent,
                _temperatureProtection,
                _temperature != null);
        }

        private void UpdateSession(long nowMs, PilotState ev)
        {
            bool plugged = IsPlugged(ev);
            bool unplugged = ev == PilotState.A;
            if (unplugged && !_wasUnplugged)
            {
                // A new plug-in is a new session for the over-current retries and the free-vend start.
                _overCurrent.StartNewSession();
                _autoStartArmed = true;
            }

            _wasUnplugged = unplugged;
            switch (Session)
            {
                case SessionPhase.Pending:
                    if (plugged)
                    {
                        StartSession(nowMs);
                    }
                    else if (nowMs - _pendingDeadlineMs >= 0)
                    {
                        Session = SessionPhase.None;
                        _log.Info(LogSource, "authorisation expired: no EV within the connection timeout");
                    }

                    break;
                case SessionPhase.Active:
                    if (unplugged)
                    {
                        EndSession(StopReason.EvDisconnected, SessionPhase.None);
                    }
                    else if (_faults.HasLatchedFault)
                    {
                        EndSession(StopReason.EmergencyStop, plugged ? SessionPhase.Finishing : SessionPhase.None);
                    }

                    break;
                case SessionPhase.Finishing:
                    if (unplugged)
                    {
                        Session = SessionPhase.None;
                    }

                    break;
                case SessionPhase.None:
                    if (plugged && !_settings.RequireAuthorization && _autoStartArmed && _available && !_faults.HasLatchedFault)
                    {
                        // Free-vend (CPL-34, WBX-16): every plug-in is authorised, once.
                        _autoStartArmed = false;
                        StartSession(nowMs);
                    }

                    break;
            }
        }

        private void StartSession(long nowMs)
        {
            SessionNumber++;
            Session = SessionPhase.Active;
            ResumedAfterPowerLoss = false;
            _sessionRcdTestPassed = false;
            _sessionRcdTestTried = false;
            _autoStartArmed = false;
            _log.Info(LogSource, "session " + SessionNumber.ToString() + " started");
        }

        private void EndSession(StopReason reason, SessionPhase next)
        {
            LastStopReason = reason;
            Session = next;
            _log.Info(LogSource, "session " + SessionNumber.ToString() + " ended: " + ReasonName(reason));
        }

        private void DriveOutputs(long nowMs, PilotState ev)
        {
            FaultSet faults = _faults.Active;
            bool plugged = IsPlugged(ev);
            bool sessionOn = Session == SessionPhase.Active;
            bool evReady = ev == PilotState.C || (ev == PilotState.D && _settings.VentilationAvailable);

            // Faults that stop energy gracefully (PWM off, up to 6 s for the EV); every other fault opens at once.
            FaultSet immediate = faults;
            immediate.Remove(ChargingFault.HighTemperature);
            immediate.Remove(ChargingFault.TemperatureSensorFailure);
            bool gracefulFault = faults.Contains(ChargingFault.HighTemperature) || faults.Contains(ChargingFault.TemperatureSensorFailure);

            // PP open while the pilot still shows the EV: the plug is being pulled out of the socket (IEC 61851-1
            // Annex B: PP breaks before the power contacts). Stop at once, ahead of the pilot's debounce.
            bool cableLeaving = _proximity != null && _cable == CableRating.NoCable;
            DriveLock(nowMs, plugged, sessionOn, immediate.IsEmpty);
            bool lockOk = _lock == null || _lock.Status == SocketLockStatus.Locked;
            RunRcdSelfTests(nowMs, plugged, sessionOn, lockOk, immediate);

            int limitMa = Limits.EffectiveMa;
            bool offer = sessionOn && plugged && !cableLeaving && _available && immediate.IsEmpty && !gracefulFault && lockOk
                && _sessionRcdTestPassed && !_rcd.IsSelfTesting && limitMa >= PilotDutyCycle.MinimumCurrentMa;
            if (offer)
            {
                _pilot.OfferCurrent(limitMa);
                _lastOfferMa = _pilot.OfferedCurrentMa;
            }
            else
            {
                _pilot.SetSteadyPositive();
            }

            bool pwmOn = _pilot.IsPwmOn;
            if (!pwmOn && _lastPwmOn && _contactor.IsCommandedClosed)
            {
                _pwmOffSinceMs = nowMs;
            }
            else if (pwmOn || !_contactor.IsCommandedClosed)
            {
                _pwmOffSinceMs = -1;
            }

            _lastPwmOn = pwmOn;

            bool mustOpenNow = !evReady || cableLeaving || !immediate.IsEmpty || !lockOk || _rcd.IsTripped || _rcd.IsSelfTesting;
            if (_contactor.IsCommandedClosed)
            {
                if (mustOpenNow)
                {
                    _contactor.Open(nowMs);
                    _pwmOffSinceMs = -1;
                }
                else if (_pwmOffSinceMs >= 0 && nowMs - _pwmOffSinceMs >= IecTimings.PowerOffUnderLoadInC1TimeoutMs)
                {
                    _log.Warning(LogSource, "EV stayed in state C 6 s after PWM off: opening under load (IEC 61851-1 Table A.6 seq. 10.2)");
                    _contactor.Open(nowMs);
                    _pwmOffSinceMs = -1;
                }
            }
            else if (!mustOpenNow && pwmOn && _contactor.Status == ContactorStatus.Open)
            {
                _contactor.Close(nowMs);
            }
        }

        private void DriveLock(long nowMs, bool plugged, bool sessionOn, bool noImmediateFault)
        {
            if (_lock == null)
            {
                return;
            }

            SocketLockStatus status = _lock.Status;
            if (sessionOn && plugged && noImmediateFault)
            {
                // Lock before energising; a failed lock is retried only by a new authorisation (no motor hammering).
                if (status == SocketLockStatus.Unlocked)
                {
                    _lock.Lock(nowMs);
                }
            }
            else if (_contactor.Status == ContactorStatus.Open && (!sessionOn || !plugged)
                && (status == SocketLockStatus.Locked || status == SocketLockStatus.LockLost || status == SocketLockStatus.LockFailed))
            {
                // Never release a plug under load: only once the feedback shows the contacts open.
                _lock.Unlock(nowMs);
            }
        }

        private void RunRcdSelfTests(long nowMs, bool plugged, bool sessionOn, bool lockOk, FaultSet immediate)
        {
            if (_rcdTestRunning)
            {
                if (!_rcd.IsSelfTesting)
                {
                    _rcdTestRunning = false;
                    RecordRcdTestResult(_rcd.LastSelfTest, nowMs);
                    if (_rcd.LastSelfTest == RcdSelfTestResult.Passed && sessionOn)
                    {
                        _sessionRcdTestPassed = true;
                    }
                }

                return;
            }

            if (_contactor.Status != ContactorStatus.Open || _rcd.IsTripped)
            {
                return;
            }

            // Before each session (once per session start, even after an earlier failure: a user plugging in gets a
            // fresh test), after a trip's recovery, and every minute while a failure stands.
            bool failed = immediate.Contains(ChargingFault.RcdSelfTestFailed);
            bool beforeSession = sessionOn && plugged && lockOk && !_sessionRcdTestPassed && (!failed || !_sessionRcdTestTried)
                && !_rcdProtection.IsRecovering && !_rcdProtection.IsLatched;
            bool retry = failed && nowMs - _lastRcdTestMs >= RcdSelfTestRetryIntervalMs;
            if (beforeSession || retry)
            {
                _sessionRcdTestTried = _sessionRcdTestTried || sessionOn;
                _rcd.StartSelfTest(nowMs);
                _rcdTestRunning = _rcd.IsSelfTesting;
                if (!_rcdTestRunning)
                {
                    RecordRcdTestResult(_rcd.LastSelfTest, nowMs);
                }
            }
        }

        private void RecordRcdTestResult(RcdSelfTestResult result, long nowMs)
        {
            _lastRcdTestMs = nowMs;
            bool failed = result == RcdSelfTestResult.FailedNoTrip || result == RcdSelfTestResult.FailedStuck;
            _faults.Set(ChargingFault.RcdSelfTestFailed, failed);
            _log.Write(failed ? LogLevel.Error : LogLevel.Info, LogSource, "RCD self-test: " + (failed ? (result == RcdSelfTestResult.FailedNoTrip ? "no trip on test current" : "did not clear") : "passed"));
            _faults.ReportChanges();
        }

        private void UpdateState(PilotState ev)
        {
            ChargingState next = DeriveState(ev);
            if (next != State)
            {
                _log.Info(LogSource, "state " + StateName(State) + " -> " + StateName(next));
                State = next;
            }
        }

        private ChargingState DeriveState(PilotState ev)
        {
            FaultSet faults = _faults.Active;
            bool sessionOn = Session == SessionPhase.Active;
            bool plugged = IsPlugged(ev);
            FaultSet blocking = faults;
            if (sessionOn)
            {
                // These recover by themselves within the session: the session is suspended, not faulted.
                blocking.Remove(ChargingFault.ResidualCurrent);
                blocking.Remove(ChargingFault.OverCurrent);
                blocking.Remove(ChargingFault.HighTemperature);
                blocking.Remove(ChargingFault.TemperatureSensorFailure);
            }

            if (!blocking.IsEmpty)
            {
                return ChargingState.Faulted;
            }

            if (!_available)
            {
                return ChargingState.Unavailable;
            }

            if (_contactor.IsClosed)
            {
                // A stopped session whose EV has not yet left state C (up to 6 s, Table A.6 seq. 10.2) is finishing,
                // not charging: PWM is off and the contactor opens as soon as the EV lets go.
                return Session == SessionPhase.Finishing ? ChargingState.Finishing : ChargingState.Charging;
            }

            switch (Session)
            {
                case SessionPhase.Active:
                    if (!plugged)
                    {
                        return ChargingState.Preparing;
                    }

                    if (_pilot.IsPwmOn)
                    {
                        return ev == PilotState.B ? ChargingState.SuspendedEv : ChargingState.Charging;
                    }

                    bool gettingReady = (_lock != null && _lock.Status != SocketLockStatus.Locked) || !_sessionRcdTestPassed;
                    return gettingReady && faults.IsEmpty ? ChargingState.Preparing : ChargingState.SuspendedEvse;
                case SessionPhase.Finishing:
                    return plugged ? ChargingState.Finishing : ChargingState.Available;
                case SessionPhase.Pending:
                    return ChargingState.Preparing;
                default:
                    return plugged ? ChargingState.Preparing : ChargingState.Available;
            }
        }

        private void Persist(long nowMs)
        {
            int latched = _faults.LatchedBits;
            bool sessionActive = Session == SessionPhase.Active;
            bool stampDue = _faults.Active.Contains(ChargingFault.OverCurrentLockout) && _lockoutClock.StampDue(nowMs, _wall);
            if (latched == _savedLatchedBits && sessionActive == _savedSessionActive && SessionNumber == _savedSessionNumber && !stampDue)
            {
                return;
            }

            _persisted.LatchedFaultBits = latched;
            _persisted.LockoutAliveUnixS = (latched & (1 << (int)ChargingFault.OverCurrentLockout)) != 0 ? _lockoutClock.StampUnixS : 0;
            _persisted.SessionActive = sessionActive;
            _persisted.SessionNumber = SessionNumber;
            _persisted.Energized = _contactor.IsClosed;
            _record.RequestSave();
            _savedLatchedBits = latched;
            _savedSessionActive = sessionActive;
            _savedSessionNumber = SessionNumber;
        }

        private static string StateName(ChargingState state)
        {
            switch (state)
            {
                case ChargingState.SelfTest:
                    return "SelfTest";
                case ChargingState.Available:
                    return "Available";
                case ChargingState.Preparing:
                    return "Preparing";
                case ChargingState.Charging:
                    return "Charging";
                case ChargingState.SuspendedEv:
                    return "SuspendedEV";
                case ChargingState.SuspendedEvse:
                    return "SuspendedEVSE";
                case ChargingState.Finishing:
                    return "Finishing";
                case ChargingState.Faulted:
                    return "Faulted";
                default:
                    return "Unavailable";
            }
        }

        private static string ReasonName(StopReason reason)
        {
            switch (reason)
            {
                case StopReason.Local:
                    return "Local";
                case StopReason.Remote:
                    return "Remote";
                case StopReason.EvDisconnected:
                    return "EVDisconnected";
                case StopReason.PowerLoss:
                    return "PowerLoss";
                case StopReason.DeAuthorized:
                    return "DeAuthorized";
                case StopReason.EmergencyStop:
                    return "EmergencyStop";
                case StopReason.HardReset:
                    return "HardReset";
                case StopReason.SoftReset:
                    return "SoftReset";
                case StopReason.UnlockCommand:
                    return "UnlockCommand";
                case StopReason.Reboot:
                    return "Reboot";
                default:
                    return "Other";
            }
        }
    }
}
