namespace Wallbox.Firmware.Charging.Faults
{
    /// <summary>The active charging faults, as bits (no allocation).</summary>
    public struct FaultSet
    {
        private int _bits;

        /// <summary>True when no fault is active.</summary>
        public bool IsEmpty { get { return _bits == 0; } }

        /// <summary>The raw bits (bit n = fault n).</summary>
        public int Bits { get { return _bits; } }

        /// <summary>True when <paramref name="fault"/> is active.</summary>
        public bool Contains(ChargingFault fault)
        {
            return (_bits & (1 << (int)fault)) != 0;
        }

        /// <summary>Activates <paramref name="fault"/>.</summary>
        public void Add(ChargingFault fault)
        {
            _bits |= 1 << (int)fault;
        }

        /// <summary>Clears <paramref name="fault"/>.</summary>
        public void Remove(ChargingFault fault)
        {
            _bits &= ~(1 << (int)fault);
        }

        /// <summary>Sets or clears <paramref name="fault"/>.</summary>
        public void Set(ChargingFault fault, bool active)
        {
            if (active)
            {
                Add(fault);
            }
            else
            {
                Remove(fault);
            }
        }

        /// <summary>
        /// The fault to report when several are active: the most severe, then the lowest number (safety first,
        /// as the enum is ordered). Returns false when none is active.
        /// </summary>
        public bool TryGetPrimary(out ChargingFault fault)
        {
            fault = ChargingFault.ResidualCurrent;
            int best = -1;
            for (int i = 0; i < FaultCatalog.Count; i++)
            {
                if ((_bits & (1 << i)) == 0)
                {
                    continue;
                }

                int severity = (int)FaultCatalog.Get((ChargingFault)i).Severity;
                if (severity > best)
                {
                    best = severity;
                    fault = (ChargingFault)i;
                }
            }

            return best >= 0;
        }
    }
}
