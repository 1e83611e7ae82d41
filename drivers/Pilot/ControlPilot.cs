using Wallbox.Hal;

namespace Wallbox.Drivers.Pilot
{
    /// <summary>
    /// The EVSE side of the control pilot (IEC 61851-1 Annex A, Figure A.1): a ±12 V generator driven by a
    /// 1 kHz PWM output, and the plateau sampler. Each tick takes one measurement, classifies its high plateau
    /// with hysteresis (<see cref="PilotVoltageBands"/>), debounces it, and checks the EV's diode on the low
    /// plateau. What to do about a state is the firmware's business; this driver only measures and generates.
    /// </summary>
    public sealed class ControlPilot : ITickable
    {
        /// <summary>
        /// Consecutive identical classifications needed to accept a new state. Our choice: 3 samples at the
        /// 10 ms loop period keep the detection (≤ 30 ms) well inside the 100 ms switch-off deadlines of
        /// IEC 61851-1 Table A.6 while ignoring single-sample spikes.
        /// </summary>
        public const int DebounceSamples = 3;

        private readonly IPwmOutput _pwm;
        private readonly IPilotSampler _sampler;
        private PilotSample _lastSample;
        private PilotState _candidate;
        private int _candidateCount;
        private int _diodeFailureCount;

        /// <summary>Creates the driver; the generator starts at a steady +12 V (state x1, no current offered).</summary>
        public ControlPilot(IPwmOutput pwm, IPilotSampler sampler)
        {
            _pwm = pwm;
            _sampler = sampler;
            _pwm.SetDutyPermille(PwmDuty.FullDutyPermille);
        }

        /// <summary>Debounced state of the high plateau.</summary>
        public PilotState State { get; private set; }

        /// <summary>Classification of the last measurement alone.</summary>
        public PilotState RawState { get; private set; }

        /// <summary>Monotonic time at which <see cref="State"/> last changed, milliseconds.</summary>
        public long StateSinceMs { get; private set; }

        /// <summary>
        /// True when, with PWM running and an EV connected (B, C or D), the low plateau has not been at −12 V for
        /// <see cref="DebounceSamples"/> measurements: the EV's diode is missing or shorted (IEC 61851-1 A.2.2;
        /// CPH-48 "pilot-fault"). False whenever the check is not possible.
        /// </summary>
        public bool DiodeFault { get; private set; }

        /// <summary>The last valid measurement.</summary>
        public PilotSample LastSample { get { return _lastSample; } }

        /// <summary>Measurements the sampler could not deliver, since construction.</summary>
        public long FailedSampleCount { get; private set; }

        /// <summary>Duty cycle currently generated, tenths of a percent (1000 = steady +12 V, 0 = steady −12 V).</summary>
        public int DutyPermille { get { return _pwm.DutyPermille; } }

        /// <summary>True while a PWM (not a steady level) is generated: sub-state x2 of IEC 61851-1 Table A.3.</summary>
        public bool IsPwmOn
        {
            get
            {
                int duty = _pwm.DutyPermille;
                return duty > PwmDuty.ZeroDutyPermille && duty < PwmDuty.FullDutyPermille;
            }
        }

        /// <summary>True while the generator holds a steady −12 V (state F, EVSE not available).</summary>
        public bool IsStateF { get { return _pwm.DutyPermille == PwmDuty.ZeroDutyPermille; } }

        /// <summary>Current the EV reads from the generated duty cycle (Table A.8), milliamperes; 0 without PWM.</summary>
        public int OfferedCurrentMa { get { return IsPwmOn ? PilotDutyCycle.ToCurrentMa(_pwm.DutyPermille) : 0; } }

        /// <summary>Steady +12 V: sub-state x1, no current offered.</summary>
        public void SetSteadyPositive()
        {
            _pwm.SetDutyPermille(PwmDuty.FullDutyPermille);
        }

        /// <summary>Steady −12 V: state F, EVSE not available.</summary>
        public void SetStateF()
        {
            _pwm.SetDutyPermille(PwmDuty.ZeroDutyPermille);
        }

        /// <summary>
        /// Offers <paramref name="currentMa"/> with the Table A.8 duty cycle (sub-state x2); below 6 A nothing can be
        /// offered and the generator goes to a steady +12 V (x1).
        /// </summary>
        public void OfferCurrent(int currentMa)
        {
            int duty = PilotDutyCycle.FromCurrentMa(currentMa);
            _pwm.SetDutyPermille(duty == 0 ? PwmDuty.FullDutyPermille : duty);
        }

        /// <summary>Takes one measurement, classifies, debounces and checks the diode.</summary>
        public void Tick(long nowMs)
        {
            PilotSample sample;
            bool valid = _sampler.TryRead(out sample);
            PilotState raw;
            if (valid)
            {
                _lastSample = sample;
                raw = PilotVoltageBands.Classify(sample.HighMv, State);
            }
            else
            {
                FailedSampleCount++;
                raw = PilotState.Unknown;
            }

            RawState = raw;
            if (raw == _candidate)
            {
                if (_candidateCount < DebounceSamples)
                {
                    _candidateCount++;
                }
            }
            else
            {
                _candidate = raw;
                _candidateCount = 1;
            }

            if (_candidateCount >= DebounceSamples && State != _candidate)
            {
                State = _candidate;
                StateSinceMs = nowMs;
            }

            CheckDiode(valid, sample);
        }

        private void CheckDiode(bool valid, PilotSample sample)
        {
            bool evConnected = State == PilotState.B || State == PilotState.C || State == PilotState.D;
            if (!IsPwmOn || !evConnected)
            {
                _diodeFailureCount = 0;
                DiodeFault = false;
                return;
            }

            if (valid && PilotVoltageBands.IsDiodeBlocking(sample.LowMv))
            {
                _diodeFailureCount = 0;
                DiodeFault = false;
            }
            else if (valid && _diodeFailureCount < DebounceSamples)
            {
                _diodeFailureCount++;
                DiodeFault = _diodeFailureCount >= DebounceSamples;
            }
        }
    }
}
