using Wallbox.Drivers.Contactor;
using Wallbox.Drivers.Pilot;
using Wallbox.Drivers.Rcd;
using Wallbox.Firmware.Storage;

namespace Wallbox.Firmware.Charging
{
    /// <summary>
    /// The power-up self-test of CPH-04 ("contrôles de sécurité électrique, vérifications du fonctionnement des
    /// composants"), as a sequence advanced one step per tick with the pilot at state F and the contactor open:
    /// load the persisted state, check the contactor for a weld, check the ±12 V pilot generator, self-test the
    /// RCD module. Meter, RFID and network probes belong to their services and report through their own faults.
    /// </summary>
    public sealed class PowerUpSelfTest
    {
        /// <summary>Longest wait for the persisted state, milliseconds; after it the test goes on without (and says so).</summary>
        public const int StorageLoadTimeoutMs = 5000;

        /// <summary>Longest wait for the pilot to show a commanded level, milliseconds (several debounce periods).</summary>
        public const int PilotCheckTimeoutMs = 500;

        private Step _step;
        private long _stepStartedMs;

        private enum Step
        {
            NotStarted,
            LoadState,
            Contactor,
            PilotNegative,
            PilotPositive,
            Rcd,
            Done,
        }

        /// <summary>True once the sequence has finished (whatever the results).</summary>
        public bool IsDone { get { return _step == Step.Done; } }

        /// <summary>True when the persisted state was read and the stored settings applied in time.</summary>
        public bool StateLoaded { get; private set; }

        /// <summary>True when the contactor feedback showed closed contacts with the coil off.</summary>
        public bool WeldDetected { get; private set; }

        /// <summary>True when the pilot generator did not produce −12 V or +12 V.</summary>
        public bool PilotGeneratorFailed { get; private set; }

        /// <summary>Result of the RCD module's self-test.</summary>
        public RcdSelfTestResult RcdResult { get; private set; }

        /// <summary>True when every check passed.</summary>
        public bool Passed
        {
            get { return IsDone && !WeldDetected && !PilotGeneratorFailed && RcdResult == RcdSelfTestResult.Passed; }
        }

        /// <summary>Starts the sequence: the pilot goes to state F (EVSE not available) until it ends.</summary>
        public void Start(long nowMs, ControlPilot pilot, PersistentRecord record)
        {
            pilot.SetStateF();
            record.StartLoad();
            Enter(Step.LoadState, nowMs);
        }

        /// <summary>
        /// Advances the sequence; returns true once it is done. <paramref name="settingsReady"/> tells whether the
        /// stored settings have been applied; the test waits for them like for the persisted state.
        /// </summary>
        public bool Tick(long nowMs, ControlPilot pilot, Contactor contactor, RcdModule rcd, PersistentRecord record, bool settingsReady)
        {
            long elapsedMs = nowMs - _stepStartedMs;
            switch (_step)
            {
                case Step.LoadState:
                    if ((record.IsLoaded && settingsReady) || elapsedMs >= StorageLoadTimeoutMs)
                    {
                        StateLoaded = record.IsLoaded && settingsReady;
                        Enter(Step.Contactor, nowMs);
                    }

                    break;
                case Step.Contactor:
                    // The driver has kept the coil off since construction; after the feedback timeout its status is
                    // Open, or Welded when the auxiliary contact still reports closed contacts.
                    if (elapsedMs > Contactor.FeedbackTimeoutMs)
                    {
                        WeldDetected = contactor.Status == ContactorStatus.Welded;
                        Enter(Step.PilotNegative, nowMs);
                    }

                    break;
                case Step.PilotNegative:
                    // −12 V must appear on the line. A line shorted to PE (state E) cannot show it; that is the EV
                    // side's fault, reported by the normal supervision, not a generator failure.
                    if (pilot.State == PilotState.F || pilot.State == PilotState.E)
                    {
                        pilot.SetSteadyPositive();
                        Enter(Step.PilotPositive, nowMs);
                    }
                    else if (elapsedMs >= PilotCheckTimeoutMs)
                    {
                        PilotGeneratorFailed = true;
                        pilot.SetSteadyPositive();
                        Enter(Step.PilotPositive, nowMs);
                    }

                    break;
                case Step.PilotPositive:
                    if (pilot.State != PilotState.F && pilot.State != PilotState.Unknown)
                    {
                        rcd.StartSelfTest(nowMs);
                        Enter(Step.Rcd, nowMs);
                    }
                    else if (elapsedMs >= PilotCheckTimeoutMs)
                    {
                        PilotGeneratorFailed = true;
                        rcd.StartSelfTest(nowMs);
                        Enter(Step.Rcd, nowMs);
                    }

                    break;
                case Step.Rcd:
                    if (!rcd.IsSelfTesting)
                    {
                        RcdResult = rcd.LastSelfTest;
                        Enter(Step.Done, nowMs);
                    }

                    break;
            }

            return _step == Step.Done;
        }

        private void Enter(Step step, long nowMs)
        {
            _step = step;
            _stepStartedMs = nowMs;
        }
    }
}
