using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Ocpp.Metering
{
    /// <summary>
    /// A parsed measurand list: the value of MeterValuesSampledData, MeterValuesAlignedData, StopTxnSampledData or
    /// StopTxnAlignedData (OCPP 1.6 §9.1, FXP-K11/K13/K19/K20): a comma-separated list of measurands,
    /// each optionally qualified with a phase ("Voltage.L1", "Current.Import.L2"; FXP-K13 "per-phase .L1–.L3").
    /// Only what this AC wallbox's meter and pilot can produce is accepted (FXP-48/49); anything else is refused with
    /// a reason that names it. Parsing is atomic (a refused list leaves the selection as it was, FXP-48 "the
    /// configuration is left unchanged") and allocation-free when the list is valid; only refusals build a reason string.
    /// </summary>
    public sealed class MeasurandSelection
    {
        /// <summary>Entries a list holds at most (the *MaxLength keys report it).</summary>
        public const int MaxEntries = OcppConfigKeys.MaxMeasurandsPerList;

        /// <summary>The supported measurands, for reasons.</summary>
        public const string SupportedNames = "Energy.Active.Import.Register, Power.Active.Import, Power.Offered, Current.Import, Current.Offered, Voltage, Frequency";

        private readonly Measurand[] _measurands = new Measurand[MaxEntries];
        private readonly Phase[] _phases = new Phase[MaxEntries];

        // Parsed into these first, copied over on success only: a refused list changes nothing.
        private readonly Measurand[] _pendingMeasurands = new Measurand[MaxEntries];
        private readonly Phase[] _pendingPhases = new Phase[MaxEntries];

        private int _count;

        /// <summary>Entries in the list (0 for an empty value).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Why the last <see cref="Parse"/> refused its list; null after a success.</summary>
        public string Reason { get; private set; }

        /// <summary>The measurand of entry <paramref name="index"/>.</summary>
        public Measurand MeasurandAt(int index)
        {
            return _measurands[index];
        }

        /// <summary>
        /// The phase qualifier of entry <paramref name="index"/>: L1..L3, or <see cref="Phase.Unset"/> for none (a
        /// per-phase measurand without a phase means every measured phase).
        /// </summary>
        public Phase PhaseAt(int index)
        {
            return _phases[index];
        }

        /// <summary>True when an entry names <paramref name="measurand"/> (with or without a phase).</summary>
        public bool Contains(Measurand measurand)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_measurands[i] == measurand)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Empties the selection.</summary>
        public void Clear()
        {
            _count = 0;
            Reason = null;
        }

        /// <summary>Copies <paramref name="other"/> into this instance.</summary>
        public void CopyFrom(MeasurandSelection other)
        {
            for (int i = 0; i < other._count; i++)
            {
                _measurands[i] = other._measurands[i];
                _phases[i] = other._phases[i];
            }

            _count = other._count;
            Reason = null;
        }

        /// <summary>
        /// True for the measurands this wallbox reports: the meter's energy register, power, per-phase current and
        /// phase-to-neutral voltage and frequency, and the offered current (pilot PWM) and power derived from it.
        /// </summary>
        public static bool IsSupported(Measurand measurand)
        {
            switch (measurand)
            {
                case Measurand.EnergyActiveImportRegister:
                case Measurand.PowerActiveImport:
                case Measurand.PowerOffered:
                case Measurand.CurrentImport:
                case Measurand.CurrentOffered:
                case Measurand.Voltage:
                case Measurand.Frequency:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// True for the measurands read per phase (Current.Import, Voltage); the others are totals (energy, power,
        /// frequency) or one value for every phase (the offered current), so a phase qualifier on them is refused.
        /// </summary>
        public static bool IsPerPhase(Measurand measurand)
        {
            return measurand == Measurand.CurrentImport || measurand == Measurand.Voltage;
        }

        /// <summary>
        /// Parses <paramref name="csl"/>: entries separated by commas, whitespace around entries ignored, an empty or
        /// blank value is the empty list. False (with <see cref="Reason"/>) for an empty entry, more than
        /// <see cref="MaxEntries"/> entries, an unknown or unsupported measurand, a phase other than L1..L3 or on a
        /// measurand that has none, and an entry repeating or overlapping another ("Current.Import" already covers
        /// "Current.Import.L1"); the selection is then unchanged.
        /// </summary>
        public bool Parse(string csl)
        {
            int length = csl == null ? 0 : csl.Length;
            int pending = 0;
            int position = 0;
            if (!IsBlank(csl, 0, length))
            {
                while (true)
                {
                    int comma = csl.IndexOf(',', position);
                    int end = comma < 0 ? length : comma;
                    int start = position;
                    while (start < end && IsSpace(csl[start]))
                    {
                        start++;
                    }

                    while (end > start && IsSpace(csl[end - 1]))
                    {
                        end--;
                    }

                    if (start == end)
                    {
                        return Refuse("empty entry in the measurand list");
                    }

                    if (pending == MaxEntries)
                    {
                        return Refuse("more than " + MaxEntries.ToString() + " measurands");
                    }

                    if (!ParseEntry(csl, start, end, pending))
                    {
                        return false;
                    }

                    pending++;
                    if (comma < 0)
                    {
                        break;
                    }

                    position = comma + 1;
                }
            }

            for (int i = 0; i < pending; i++)
            {
                _measurands[i] = _pendingMeasurands[i];
                _phases[i] = _pendingPhases[i];
            }

            _count = pending;
            Reason = null;
            return true;
        }

        /// <summary>Parses csl[start, end) into pending entry <paramref name="index"/>, checking it against the entries before it.</summary>
        private bool ParseEntry(string csl, int start, int end, int index)
        {
            int length = end - start;
            Measurand measurand = Measurand.Unset;
            int nameLength = 0;
            for (int m = 1; MeasurandNames.IsDefined((Measurand)m); m++)
            {
                string name = MeasurandNames.ToWire((Measurand)m);

                // The whole entry, or the name followed by '.' and a phase; the longest name wins, so a name that
                // happens to prefix another cannot take its entry.
                bool whole = name.Length == length;
                bool qualified = name.Length + 1 < length && csl[start + name.Length] == '.';
                if ((whole || qualified) && name.Length > nameLength && RegionEquals(csl, start, name))
                {
                    measurand = (Measurand)m;
                    nameLength = name.Length;
                }
            }

            if (measurand == Measurand.Unset)
            {
                return Refuse("unknown measurand " + csl.Substring(start, length));
            }

            if (!IsSupported(measurand))
            {
                // FXP-48: an unsupported measurand refuses the whole list.
                return Refuse("unsupported measurand " + MeasurandNames.ToWire(measurand) + " (supported: " + SupportedNames + ")");
            }

            Phase phase = Phase.Unset;
            if (nameLength < length)
            {
                int suffix = start + nameLength + 1;
                if (end - suffix == 2 && csl[suffix] == 'L' && csl[suffix + 1] >= '1' && csl[suffix + 1] <= '3')
                {
                    phase = (Phase)(csl[suffix + 1] - '0');
                }
                else
                {
                    return Refuse("unsupported phase " + csl.Substring(suffix, end - suffix) + " in " + csl.Substring(start, length) + " (L1, L2 or L3)");
                }

                if (!IsPerPhase(measurand))
                {
                    return Refuse(MeasurandNames.ToWire(measurand) + " has no phase: " + csl.Substring(start, length));
                }
            }

            for (int i = 0; i < index; i++)
            {
                if (_pendingMeasurands[i] != measurand)
                {
                    continue;
                }

                if (_pendingPhases[i] == phase)
                {
                    return Refuse("duplicate measurand " + csl.Substring(start, length));
                }

                if (_pendingPhases[i] == Phase.Unset || phase == Phase.Unset)
                {
                    // "Current.Import" reports every measured phase; a phase entry beside it would send L1 twice.
                    return Refuse(csl.Substring(start, length) + " overlaps another " + MeasurandNames.ToWire(measurand) + " entry");
                }
            }

            _pendingMeasurands[index] = measurand;
            _pendingPhases[index] = phase;
            return true;
        }

        private bool Refuse(string reason)
        {
            Reason = reason;
            return false;
        }

        private static bool RegionEquals(string text, int start, string name)
        {
            for (int i = 0; i < name.Length; i++)
            {
                if (text[start + i] != name[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsBlank(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (!IsSpace(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsSpace(char c)
        {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }
    }
}
