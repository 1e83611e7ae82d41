using Wallbox.Hal;

namespace Wallbox.Drivers.Pilot
{
    /// <summary>
    /// The EVSE side of the control pilot (IEC 61851-1 Annex A, Figure A.1): a ±12 V generator driven by a
    /// 1 kHz PWM output, and the plateau sampler. Each tick takes one measurement and classifies its high
    /// plateau; the state machine that debounces and acts on it lives in the firmware.
    /// </summary>
    public sealed class ControlPilot : ITickable
    {
        private readonly IPwmOutput _pwm;
        private readonly IPilotSampler _sampler;
        private PilotSample _lastSample;

        /// <summary>Creates the driver; the generator starts at a steady +12 V (state A/B, no PWM).</summary>
        public ControlPilot(IPwmOutput pwm, IPilotSampler sampler)
        {
            _pwm = pwm;
            _sampler = sampler;
            _pwm.SetDutyPermille(PwmDuty.FullDutyPermille);
        }

        /// <summary>Classification of the last measurement's high plateau.</summary>
        public PilotState MeasuredState { get; private set; }

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

        /// <summary>Steady +12 V: sub-state x1, no current offered.</summary>
        public void SetSteadyPositive()
        {
            _pwm.SetDutyPermille(PwmDuty.FullDutyPermille);
        }

        /// <summary>Steady −12 V: state F, EVSE not available.</summary>
        public void SetSteadyNegative()
        {
            _pwm.SetDutyPermille(PwmDuty.ZeroDutyPermille);
        }

        /// <summary>Generates the 1 kHz PWM with the given duty cycle (tenths of a percent).</summary>
        public void SetDutyPermille(int dutyPermille)
        {
            _pwm.SetDutyPermille(dutyPermille);
        }

        /// <summary>Takes one measurement and classifies it.</summary>
        public void Tick(long nowMs)
        {
            PilotSample sample;
            if (_sampler.TryRead(out sample))
            {
                _lastSample = sample;
                MeasuredState = PilotVoltageBands.Classify(sample.HighMv);
            }
            else
            {
                FailedSampleCount++;
                MeasuredState = PilotState.Unknown;
            }
        }
    }
}
