namespace Wallbox.Firmware.Metering
{
    /// <summary>
    /// Guards the energy register before anything is billed from it (issue 7: "a reading that goes backwards or jumps
    /// implausibly is flagged, never billed"). A reading is accepted when it is not below the last accepted one and
    /// has not grown faster than the circuit can deliver (the board's maximum power since the last accepted reading,
    /// plus the register's resolution). A refused reading leaves the accepted register where it was.
    /// </summary>
    /// <remarks>
    /// A new level that holds for <see cref="RebaselineReadings"/> consecutive readings while no transaction runs is
    /// taken as the new baseline (a meter replaced or reset by a technician); during a transaction it never is: the
    /// transaction keeps billing from the last accepted value and the fault stays visible.
    /// </remarks>
    public sealed class EnergyPlausibility
    {
        /// <summary>Consecutive consistent readings at a new level that re-baseline outside a transaction.</summary>
        public const int RebaselineReadings = 3;

        private readonly long _maxPowerW;
        private readonly long _resolutionWh;
        private bool _hasAccepted;
        private long _acceptedWh;
        private long _acceptedAtMs;
        private long _candidateWh;
        private int _candidateCount;

        /// <summary>
        /// Creates the guard for a circuit of at most <paramref name="maxPowerW"/> watts and a register resolution of
        /// <paramref name="resolutionWh"/>.
        /// </summary>
        public EnergyPlausibility(long maxPowerW, long resolutionWh)
        {
            _maxPowerW = maxPowerW;
            _resolutionWh = resolutionWh < 1 ? 1 : resolutionWh;
        }

        /// <summary>True once a reading has been accepted.</summary>
        public bool HasAccepted
        {
            get { return _hasAccepted; }
        }

        /// <summary>The last accepted register, Wh.</summary>
        public long AcceptedWh
        {
            get { return _acceptedWh; }
        }

        /// <summary>Readings refused since boot.</summary>
        public int RefusedCount { get; private set; }

        /// <summary>True while the latest reading was refused.</summary>
        public bool IsImplausible { get; private set; }

        /// <summary>Why the latest reading was refused, or null.</summary>
        public string Problem { get; private set; }

        /// <summary>
        /// Checks <paramref name="readingWh"/> taken at <paramref name="nowMs"/>; returns true when accepted.
        /// <paramref name="transactionRunning"/> forbids re-baselining.
        /// </summary>
        public bool Check(long readingWh, long nowMs, bool transactionRunning)
        {
            if (!_hasAccepted)
            {
                Accept(readingWh, nowMs);
                return true;
            }

            long elapsedMs = nowMs - _acceptedAtMs;
            long maxIncreaseWh = _maxPowerW * (elapsedMs < 0 ? 0 : elapsedMs) / 3600000L + _resolutionWh;
            if (readingWh >= _acceptedWh && readingWh - _acceptedWh <= maxIncreaseWh)
            {
                Accept(readingWh, nowMs);
                return true;
            }

            RefusedCount++;
            IsImplausible = true;
            Problem = readingWh < _acceptedWh
                ? "energy register went backwards from " + _acceptedWh.ToString() + " Wh to " + readingWh.ToString() + " Wh"
                : "energy register jumped by " + (readingWh - _acceptedWh).ToString() + " Wh in " + (elapsedMs / 1000).ToString() + " s (at most " + maxIncreaseWh.ToString() + " Wh possible)";
            if (transactionRunning)
            {
                _candidateCount = 0;
                return false;
            }

            // A new level that stays consistent (the same, or growing plausibly from itself) re-baselines.
            bool consistent = _candidateCount > 0 && readingWh >= _candidateWh && readingWh - _candidateWh <= maxIncreaseWh;
            _candidateCount = consistent ? _candidateCount + 1 : 1;
            _candidateWh = readingWh;
            if (_candidateCount >= RebaselineReadings)
            {
                Accept(readingWh, nowMs);
                return true;
            }

            return false;
        }

        private void Accept(long readingWh, long nowMs)
        {
            _hasAccepted = true;
            _acceptedWh = readingWh;
            _acceptedAtMs = nowMs;
            _candidateCount = 0;
            IsImplausible = false;
            Problem = null;
        }
    }
}
