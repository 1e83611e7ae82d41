using Wallbox.Hal;

namespace Wallbox.Drivers.SocketLock
{
    /// <summary>
    /// The locking actuator of a Type 2 socket (IEC 62196-2): a motor driven in one direction or the other and a
    /// switch that reports "locked". The switch only shows the locked end, so every attempt drives the motor for a
    /// full pulse, then reads the switch: locked after a lock pulse, not locked after an unlock pulse. A failed
    /// attempt is retried after a pause; the motor is never driven both ways at once. Tethered-cable boards have
    /// no lock and do not create this driver.
    /// </summary>
    public sealed class SocketLock : ITickable, IFailSafe
    {
        /// <summary>Drive of one attempt, milliseconds. Our choice: above the 150–250 ms full travel of common actuators.</summary>
        public const int DrivePulseMs = 300;

        /// <summary>Pause between attempts, letting the motor and the mechanism settle, milliseconds. Our choice.</summary>
        public const int RetryPauseMs = 500;

        /// <summary>Attempts per command before reporting failure. Our choice (CPH-22 asks for retries).</summary>
        public const int MaxAttempts = 3;

        private readonly IDigitalOutput _lockDrive;
        private readonly IDigitalOutput _unlockDrive;
        private readonly IDigitalInput _lockedFeedback;
        private bool _targetLocked;
        private bool _driving;
        private long _phaseStartedMs;
        private int _attempt;

        /// <summary>Creates the driver with the motor idle; the status follows the feedback at the first tick.</summary>
        public SocketLock(IDigitalOutput lockDrive, IDigitalOutput unlockDrive, IDigitalInput lockedFeedback)
        {
            _lockDrive = lockDrive;
            _unlockDrive = unlockDrive;
            _lockedFeedback = lockedFeedback;
            StopMotor();
            Status = SocketLockStatus.Unlocked;
        }

        /// <summary>Current status.</summary>
        public SocketLockStatus Status { get; private set; }

        /// <summary>True when the switch reports the pin out.</summary>
        public bool IsLocked { get { return _lockedFeedback.IsActive; } }

        /// <summary>Starts locking (no effect when already locked or locking).</summary>
        public void Lock(long nowMs)
        {
            Command(true, nowMs);
        }

        /// <summary>Starts unlocking (no effect when already unlocked or unlocking). Also retries a failed unlock.</summary>
        public void Unlock(long nowMs)
        {
            Command(false, nowMs);
        }

        /// <summary>Drives the motor and supervises the switch.</summary>
        public void Tick(long nowMs)
        {
            bool locked = _lockedFeedback.IsActive;
            switch (Status)
            {
                case SocketLockStatus.Locking:
                case SocketLockStatus.Unlocking:
                    AdvanceCommand(locked, nowMs);
                    break;
                case SocketLockStatus.Locked:
                    if (!locked)
                    {
                        Status = SocketLockStatus.LockLost;
                    }

                    break;
                case SocketLockStatus.Unlocked:
                    if (locked)
                    {
                        // The pin came out by itself: report it as locked so nothing assumes the plug is free.
                        Status = SocketLockStatus.Locked;
                    }

                    break;
            }
        }

        /// <summary>Stops the motor; the pin stays where it is (a plug must not be released under load).</summary>
        public void EnterSafeState()
        {
            StopMotor();
        }

        private void Command(bool locked, long nowMs)
        {
            SocketLockStatus done = locked ? SocketLockStatus.Locked : SocketLockStatus.Unlocked;
            SocketLockStatus busy = locked ? SocketLockStatus.Locking : SocketLockStatus.Unlocking;
            if (Status == done || Status == busy)
            {
                return;
            }

            _targetLocked = locked;
            _attempt = 1;
            Status = busy;
            StartDrive(nowMs);
        }

        private void AdvanceCommand(bool locked, long nowMs)
        {
            long elapsedMs = nowMs - _phaseStartedMs;
            if (_driving)
            {
                if (elapsedMs < DrivePulseMs)
                {
                    return;
                }

                StopMotor();
                _phaseStartedMs = nowMs;
                if (locked == _targetLocked)
                {
                    Status = _targetLocked ? SocketLockStatus.Locked : SocketLockStatus.Unlocked;
                }
                else if (_attempt >= MaxAttempts)
                {
                    Status = _targetLocked ? SocketLockStatus.LockFailed : SocketLockStatus.UnlockFailed;
                }
            }
            else if (elapsedMs >= RetryPauseMs)
            {
                _attempt++;
                StartDrive(nowMs);
            }
        }

        private void StartDrive(long nowMs)
        {
            // Release the opposite direction first: driving both ways shorts the H-bridge.
            if (_targetLocked)
            {
                _unlockDrive.Set(false);
                _lockDrive.Set(true);
            }
            else
            {
                _lockDrive.Set(false);
                _unlockDrive.Set(true);
            }

            _driving = true;
            _phaseStartedMs = nowMs;
        }

        private void StopMotor()
        {
            _lockDrive.Set(false);
            _unlockDrive.Set(false);
            _driving = false;
        }
    }
}
