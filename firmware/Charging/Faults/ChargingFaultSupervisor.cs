using Wallbox.Drivers.Contactor;
using Wallbox.Drivers.Pilot;
using Wallbox.Drivers.Proximity;
using Wallbox.Drivers.SocketLock;
using Wallbox.Firmware.Charging.Protection;
using Wallbox.Firmware.Runtime;

namespace Wallbox.Firmware.Charging.Faults
{
    /// <summary>
    /// Turns what the drivers and protections report into the set of active <see cref="ChargingFault"/>s, once per
    /// tick, applying each fault's clearing rule of <see cref="FaultCatalog"/>, and logs every fault raised or
    /// cleared. Latched faults (welded contactor, over-current lockout) are held here until explicitly cleared.
    /// </summary>
    public sealed class ChargingFaultSupervisor
    {
        private const string LogSource = "faults";

        private readonly Logger _log;
        private FaultSet _active;
        private int _latchedBits;
        private int _reportedBits;

        /// <summary>Creates a supervisor with no fault.</summary>
        public ChargingFaultSupervisor(Logger log)
        {
            _log = log;
        }

        /// <summary>The active faults after the last update.</summary>
        public FaultSet Active { get { return _active; } }

        /// <summary>Bits of the latched faults (to persist).</summary>
        public int LatchedBits { get { return _latchedBits; } }

        /// <summary>True when a latched fault refuses every session.</summary>
        public bool HasLatchedFault { get { return _latchedBits != 0; } }

        /// <summary>Latches a fault until <see cref="ClearLatch"/> (welded contactor, over-current lockout).</summary>
        public void Latch(ChargingFault fault)
        {
            _latchedBits |= 1 << (int)fault;
            _active.Add(fault);
        }

        /// <summary>Ends a latch.</summary>
        public void ClearLatch(ChargingFault fault)
        {
            _latchedBits &= ~(1 << (int)fault);
            _active.Remove(fault);
        }

        /// <summary>Raises or clears a fault whose rule is owned by the caller (self-test results).</summary>
        public void Set(ChargingFault fault, bool active)
        {
            _active.Set(fault, active);
        }

        /// <summary>
        /// Applies the rules of every fault for one tick. <paramref name="ev"/> is the debounced pilot state;
        /// <paramref name="cable"/> is the PP reading (ignored for tethered wallboxes, pass NoCable).
        /// </summary>
        public void Update(
            PilotState ev,
            ControlPilot pilot,
            Contactor contactor,
            SocketLock socketLock,
            bool hasSocket,
            CableRating cable,
            bool ventilationAvailable,
            RcdProtection rcd,
            OverCurrentProtection overCurrent,
            TemperatureProtection temperature,
            bool temperatureMonitored)
        {
            bool unplugged = ev == PilotState.A;
            bool plugged = ev == PilotState.B || ev == PilotState.C || ev == PilotState.D;

            _active.Set(ChargingFault.ResidualCurrent, rcd.IsRecovering);
            _active.Set(ChargingFault.ResidualCurrentRepeated, rcd.IsLatched);

            if (contactor.Status == ContactorStatus.Welded)
            {
                Latch(ChargingFault.WeldedContactor);
            }

            if (contactor.Status == ContactorStatus.FailedToClose)
            {
                _active.Add(ChargingFault.ContactorFailedToClose);
            }
            else if (unplugged)
            {
                _active.Remove(ChargingFault.ContactorFailedToClose);
            }

            if (pilot.DiodeFault)
            {
                _active.Add(ChargingFault.PilotDiodeMissing);
            }
            else if (unplugged)
            {
                _active.Remove(ChargingFault.PilotDiodeMissing);
            }

            _active.Set(ChargingFault.PilotShortToEarth, ev == PilotState.E);
            _active.Set(ChargingFault.PilotVoltageOutOfRange, ev == PilotState.Unknown);
            if (ev == PilotState.F)
            {
                // −12 V on the line while the generator holds +12 V or PWM: the generator or its supply failed.
                _active.Add(ChargingFault.PilotGeneratorFailure);
            }

            _active.Set(ChargingFault.VentilationNotAvailable, ev == PilotState.D && !ventilationAvailable);

            if (socketLock != null)
            {
                SocketLockStatus status = socketLock.Status;
                if (status == SocketLockStatus.LockFailed || status == SocketLockStatus.UnlockFailed || status == SocketLockStatus.LockLost)
                {
                    _active.Add(ChargingFault.ConnectorLockFailure);
                }
                else if (status == SocketLockStatus.Locked || status == SocketLockStatus.Unlocked)
                {
                    _active.Remove(ChargingFault.ConnectorLockFailure);
                }
            }

            // A cable that reads 'none' while the pilot still sees the EV is being pulled out: the controller opens at
            // once (that is what PP is for), but it is not a faulty cable.
            _active.Set(ChargingFault.InvalidCable, hasSocket && plugged && cable == CableRating.Invalid);

            _active.Set(ChargingFault.OverCurrent, overCurrent.IsTripped);
            if (overCurrent.IsLockedOut)
            {
                Latch(ChargingFault.OverCurrentLockout);
            }

            _active.Set(ChargingFault.HighTemperature, temperatureMonitored && temperature.IsStopped);
            _active.Set(ChargingFault.TemperatureSensorFailure, temperatureMonitored && temperature.SensorFailed);

            // Latched faults stay active whatever the rules above say.
            for (int i = 0; i < FaultCatalog.Count; i++)
            {
                if ((_latchedBits & (1 << i)) != 0)
                {
                    _active.Add((ChargingFault)i);
                }
            }

            ReportChanges();
        }

        /// <summary>Logs faults raised and cleared since the last report.</summary>
        public void ReportChanges()
        {
            int bits = _active.Bits;
            int changed = bits ^ _reportedBits;
            if (changed == 0)
            {
                return;
            }

            for (int i = 0; i < FaultCatalog.Count; i++)
            {
                if ((changed & (1 << i)) == 0)
                {
                    continue;
                }

                FaultDefinition definition = FaultCatalog.Get((ChargingFault)i);
                if ((bits & (1 << i)) != 0)
                {
                    _log.Error(LogSource, "raised " + definition.VendorErrorCode + " (" + definition.OcppErrorCode + "): " + definition.Reaction);
                }
                else
                {
                    _log.Info(LogSource, "cleared " + definition.VendorErrorCode);
                }
            }

            _reportedBits = bits;
        }
    }
}
