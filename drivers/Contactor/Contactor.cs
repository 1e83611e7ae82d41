using Wallbox.Hal;

namespace Wallbox.Drivers.Contactor
{
    /// <summary>
    /// The mains contactor: a coil output and an auxiliary (mirror) contact input that reports whether the
    /// main contacts are actually closed. The physical state is taken from the feedback, never from the command.
    /// </summary>
    public sealed class Contactor : ITickable, IFailSafe
    {
        private readonly IDigitalOutput _coil;
        private readonly IDigitalInput _feedback;

        /// <summary>Creates the driver with the coil off.</summary>
        public Contactor(IDigitalOutput coil, IDigitalInput feedback)
        {
            _coil = coil;
            _feedback = feedback;
            _coil.Set(false);
        }

        /// <summary>True while the coil is energised.</summary>
        public bool IsCommandedClosed { get { return _coil.IsOn; } }

        /// <summary>Main contacts closed, as reported by the auxiliary contact at the last tick.</summary>
        public bool IsClosed { get; private set; }

        /// <summary>Energises the coil.</summary>
        public void Close()
        {
            _coil.Set(true);
        }

        /// <summary>De-energises the coil.</summary>
        public void Open()
        {
            _coil.Set(false);
        }

        /// <summary>Reads the feedback contact.</summary>
        public void Tick(long nowMs)
        {
            IsClosed = _feedback.IsActive;
        }

        /// <summary>Opens the contactor.</summary>
        public void EnterSafeState()
        {
            _coil.Set(false);
        }
    }
}
