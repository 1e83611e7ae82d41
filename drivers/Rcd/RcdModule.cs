using Wallbox.Hal;

namespace Wallbox.Drivers.Rcd
{
    /// <summary>
    /// A 6 mA DC residual-current detecting module (RDC-DD, IEC 62955): a fault output the firmware reads and a
    /// TEST input that injects a test current. The module itself decides when a leakage trips (IEC 62955 trip
    /// times; CPH-85: a 6 mA leakage that stops within 10 s does not trip); this driver reports the trip and
    /// runs the self-test as a small state machine, one step per tick.
    /// </summary>
    public sealed class RcdModule : ITickable
    {
        /// <summary>
        /// Longest time from TEST asserted to the fault output, milliseconds. Our choice: module datasheets give
        /// tens of milliseconds; 500 ms leaves margin without slowing the start of a session.
        /// </summary>
        public const int TestResponseTimeoutMs = 500;

        /// <summary>Longest time from TEST released to the fault output clearing, milliseconds. Our choice, as above.</summary>
        public const int TestClearTimeoutMs = 500;

        private readonly IDigitalInput _fault;
        private readonly IDigitalOutput _test;
        private TestStep _step;
        private long _stepStartedMs;

        /// <summary>Creates the driver with TEST released.</summary>
        public RcdModule(IDigitalInput fault, IDigitalOutput test)
        {
            _fault = fault;
            _test = test;
            _test.Set(false);
        }

        private enum TestStep
        {
            Idle,
            WaitTrip,
            WaitClear,
        }

        /// <summary>
        /// True while the module signals a residual-current fault outside a self-test. Read every tick and acted on
        /// in the same tick (contactor open).
        /// </summary>
        public bool IsTripped { get { return _step == TestStep.Idle && _fault.IsActive; } }

        /// <summary>Result of the last self-test.</summary>
        public RcdSelfTestResult LastSelfTest { get; private set; }

        /// <summary>True while a self-test is running (the fault output is then expected and not a trip).</summary>
        public bool IsSelfTesting { get { return _step != TestStep.Idle; } }

        /// <summary>
        /// Starts a self-test. The caller must keep the contactor open until it ends. A module that is already
        /// tripped cannot be tested: the result is then <see cref="RcdSelfTestResult.FailedStuck"/> at once.
        /// </summary>
        public void StartSelfTest(long nowMs)
        {
            if (_step != TestStep.Idle)
            {
                return;
            }

            if (_fault.IsActive)
            {
                LastSelfTest = RcdSelfTestResult.FailedStuck;
                return;
            }

            _test.Set(true);
            _step = TestStep.WaitTrip;
            _stepStartedMs = nowMs;
            LastSelfTest = RcdSelfTestResult.Running;
        }

        /// <summary>Advances a running self-test.</summary>
        public void Tick(long nowMs)
        {
            switch (_step)
            {
                case TestStep.WaitTrip:
                    if (_fault.IsActive)
                    {
                        _test.Set(false);
                        _step = TestStep.WaitClear;
                        _stepStartedMs = nowMs;
                    }
                    else if (nowMs - _stepStartedMs >= TestResponseTimeoutMs)
                    {
                        Finish(RcdSelfTestResult.FailedNoTrip);
                    }

                    break;
                case TestStep.WaitClear:
                    if (!_fault.IsActive)
                    {
                        Finish(RcdSelfTestResult.Passed);
                    }
                    else if (nowMs - _stepStartedMs >= TestClearTimeoutMs)
                    {
                        Finish(RcdSelfTestResult.FailedStuck);
                    }

                    break;
            }
        }

        /// <summary>Abandons a running self-test (power loss, safe state) and releases TEST.</summary>
        public void AbortSelfTest()
        {
            if (_step != TestStep.Idle)
            {
                Finish(RcdSelfTestResult.None);
            }
        }

        private void Finish(RcdSelfTestResult result)
        {
            _test.Set(false);
            _step = TestStep.Idle;
            LastSelfTest = result;
        }
    }
}
