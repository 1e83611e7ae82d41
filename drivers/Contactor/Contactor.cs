using Wallbox.Hal;

namespace Wallbox.Drivers.Contactor
{
    /// <summary>
    /// The mains contactor: a coil output and an auxiliary (mirror) contact input that reports whether the main
    /// contacts are closed. The physical state is taken from the feedback, never from the command (EVerest:
    /// "relais state as confirmed by BSP"), and every change of command is supervised: contacts that do not
    /// follow within <see cref="FeedbackTimeoutMs"/> are reported as welded or as failed to close.
    /// </summary>
    /// <remarks>
    /// Welded-contact detection (CPH-82, CPH-75) is therefore done after every opening, and at power-up (coil
    /// off from construction, feedback closed = welded). The mirror contact of IEC 60947-4-1 Annex F cannot
    /// show "open" while a main contact is welded, which is what makes this check sound.
    /// </remarks>
    public sealed class Contactor : ITickable, IFailSafe
    {
        /// <summary>
        /// Time the contacts have to follow the coil, milliseconds. Our choice: well above the operate and release
        /// times of AC-1 contactors for wallboxes (typically 10–50 ms), yet short enough to report a weld at once.
        /// </summary>
        public const int FeedbackTimeoutMs = 200;

        private readonly IDigitalOutput _coil;
        private readonly IDigitalInput _feedback;
        private long _commandChangedMs;
        private bool _commandPending;

        /// <summary>Creates the driver with the coil off.</summary>
        public Contactor(IDigitalOutput coil, IDigitalInput feedback)
        {
            _coil = coil;
            _feedback = feedback;
            _coil.Set(false);
            _commandPending = true;
        }

        /// <summary>True while the coil is energised.</summary>
        public bool IsCommandedClosed { get { return _coil.IsOn; } }

        /// <summary>Main contacts closed, as reported by the auxiliary contact at the last tick.</summary>
        public bool IsClosed { get; private set; }

        /// <summary>Supervised status at the last tick.</summary>
        public ContactorStatus Status { get; private set; }

        /// <summary>Openings commanded since construction.</summary>
        public int OpenCount { get; private set; }

        /// <summary>Energises the coil (the time of the command is taken at the next tick if not given).</summary>
        public void Close(long nowMs)
        {
            if (!_coil.IsOn)
            {
                _coil.Set(true);
                _commandChangedMs = nowMs;
                _commandPending = false;
            }
        }

        /// <summary>De-energises the coil; the opening is then supervised for a weld.</summary>
        public void Open(long nowMs)
        {
            if (_coil.IsOn)
            {
                _coil.Set(false);
                _commandChangedMs = nowMs;
                _commandPending = false;
                OpenCount++;
            }
        }

        /// <summary>Reads the feedback and updates <see cref="Status"/>.</summary>
        public void Tick(long nowMs)
        {
            if (_commandPending)
            {
                _commandChangedMs = nowMs;
                _commandPending = false;
            }

            IsClosed = _feedback.IsActive;
            bool settled = nowMs - _commandChangedMs >= FeedbackTimeoutMs;
            if (_coil.IsOn)
            {
                Status = IsClosed ? ContactorStatus.Closed : settled ? ContactorStatus.FailedToClose : ContactorStatus.Closing;
            }
            else
            {
                Status = !IsClosed ? ContactorStatus.Open : settled ? ContactorStatus.Welded : ContactorStatus.Opening;
            }
        }

        /// <summary>Opens the coil at once.</summary>
        public void EnterSafeState()
        {
            _coil.Set(false);
        }
    }
}
