using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Ocpp.Metering
{
    /// <summary>
    /// Turns an encoded sample set (<see cref="SampleSet"/>) into the OCPP MeterValue of a MeterValues.req or of
    /// StopTransaction.req transactionData (OCPP 1.6 §4.7, §7.17 MeterValue, §7.43 SampledValue). Everything is
    /// preallocated: the MeterValue, <see cref="SampleSet.MaxValues"/> SampledValue objects and one SampledValue array
    /// per length (the generated model takes arrays of the exact count), so a steady send allocates only value strings
    /// — and not even those when a value repeats (per-slot cache: voltage, frequency and offered current rarely change).
    /// One builder owns one MeterValue: a message holding several at once needs a builder each.
    ///
    /// Wire form: value "Raw" (format left absent, its default), energy "12345" Wh and powers "3680" W as integers,
    /// currents "16.000" A, voltages "230.000" V and frequency "50.000" as decimals with three places, formatted here
    /// digit by digit (culture-free: no ToString, whose sign follows the current culture on the host). Frequency has
    /// no unit: OCPP 1.6 UnitOfMeasure has no Hz, the spec says frequency is in Hz by convention. Meter values carry
    /// location Outlet (FXP-49); Current.Offered and Power.Offered carry none: they are the EVSE's offer, not a
    /// measurement at a location (FXP-49 "–"). Voltage phases are L1-N..L3-N: the meter measures phase-to-neutral
    /// (OCPP 1.6 §7.31 Phase), current phases L1..L3.
    /// </summary>
    public sealed class SampledValueBuilder
    {
        /// <summary>SampledValues one MeterValue holds at most.</summary>
        public const int MaxValues = SampleSet.MaxValues;

        private const int KindInteger = 1;
        private const int KindMilli = 2;

        private static readonly SampledValue[] NoValues = new SampledValue[0];

        private readonly MeterValue _meterValue = new MeterValue();
        private readonly SampledValue[] _values = new SampledValue[MaxValues];

        /// <summary>Index = length: the array holding the first n of <see cref="_values"/>.</summary>
        private readonly SampledValue[][] _arrays = new SampledValue[MaxValues + 1][];

        // Last value text per slot, reused while the value and its kind repeat.
        private readonly int[] _cachedValue = new int[MaxValues];
        private readonly int[] _cachedKind = new int[MaxValues];
        private readonly string[] _cachedText = new string[MaxValues];

        /// <summary>Longest text: "-9223372036854775.808" is 21 characters.</summary>
        private readonly char[] _digits = new char[24];

        /// <summary>Builds the objects once.</summary>
        public SampledValueBuilder()
        {
            for (int i = 0; i < MaxValues; i++)
            {
                _values[i] = new SampledValue();
            }

            _arrays[0] = NoValues;
            for (int n = 1; n <= MaxValues; n++)
            {
                SampledValue[] array = new SampledValue[n];
                for (int i = 0; i < n; i++)
                {
                    array[i] = _values[i];
                }

                _arrays[n] = array;
            }
        }

        /// <summary>Entries of the last <see cref="Build"/> left out: a code no supported measurand has (a damaged record).</summary>
        public int Skipped { get; private set; }

        /// <summary>
        /// Decodes <paramref name="length"/> bytes of samples at <paramref name="offset"/> into this builder's
        /// MeterValue, stamped <paramref name="timestampUnixMs"/> (UTC) with <paramref name="context"/> on every value
        /// (Sample.Periodic, Sample.Clock, Transaction.Begin/End, Trigger). The result is valid until the next call.
        /// </summary>
        public MeterValue Build(byte[] samples, int offset, int length, long timestampUnixMs, ReadingContext context)
        {
            int entries = SampleSet.CountOf(length);
            if (entries > MaxValues)
            {
                entries = MaxValues;
            }

            Skipped = 0;
            int count = 0;
            for (int i = 0; i < entries; i++)
            {
                Measurand measurand = SampleSet.MeasurandAt(samples, offset, i);
                int phase = SampleSet.PhaseAt(samples, offset, i);
                if (!MeasurandSelection.IsSupported(measurand) || (phase != 0 && !MeasurandSelection.IsPerPhase(measurand)))
                {
                    Skipped++;
                    continue;
                }

                SampledValue value = _values[count];
                Fill(value, count, measurand, phase, SampleSet.ValueAt(samples, offset, i), context);
                count++;
            }

            _meterValue.Timestamp = timestampUnixMs;
            _meterValue.SampledValue = _arrays[count];
            return _meterValue;
        }

        /// <summary>
        /// Fills <paramref name="into"/> with the energy register alone, e.g. the Transaction.Begin/End values of
        /// StopTransaction.req transactionData from meterStart/meterStop (FXP-K20, FXP-48: the register is always
        /// there). Reuses <paramref name="into"/>'s one-element array when it has one, so a reused MeterValue
        /// allocates only its value string.
        /// </summary>
        public void FillEnergyRegister(MeterValue into, long energyWh, long timestampUnixMs, ReadingContext context)
        {
            if (into.SampledValue == null || into.SampledValue.Length != 1 || into.SampledValue[0] == null)
            {
                into.SampledValue = new SampledValue[] { new SampledValue() };
            }

            SampledValue value = into.SampledValue[0];
            value.Reset();
            value.Value = Format(energyWh, false);
            value.Context = context;
            value.Measurand = Measurand.EnergyActiveImportRegister;
            value.Location = Location.Outlet;
            value.Unit = UnitOfMeasure.Wh;
            into.Timestamp = timestampUnixMs;
        }

        private void Fill(SampledValue value, int slot, Measurand measurand, int phase, int number, ReadingContext context)
        {
            value.Reset();
            value.Context = context;
            value.Measurand = measurand;
            bool milli;
            switch (measurand)
            {
                case Measurand.EnergyActiveImportRegister:
                    value.Unit = UnitOfMeasure.Wh;
                    value.Location = Location.Outlet;
                    milli = false;
                    break;
                case Measurand.PowerActiveImport:
                    value.Unit = UnitOfMeasure.W;
                    value.Location = Location.Outlet;
                    milli = false;
                    break;
                case Measurand.PowerOffered:
                    value.Unit = UnitOfMeasure.W;
                    milli = false;
                    break;
                case Measurand.CurrentImport:
                    value.Unit = UnitOfMeasure.A;
                    value.Location = Location.Outlet;
                    value.Phase = (Phase)phase; // L1..L3 = 1..3, Unset = 0
                    milli = true;
                    break;
                case Measurand.CurrentOffered:
                    value.Unit = UnitOfMeasure.A;
                    milli = true;
                    break;
                case Measurand.Voltage:
                    value.Unit = UnitOfMeasure.V;
                    value.Location = Location.Outlet;
                    value.Phase = phase == 0 ? Phase.Unset : (Phase)((int)Phase.L1N + phase - 1);
                    milli = true;
                    break;
                default: // Frequency: no unit in OCPP 1.6, Hz by convention
                    value.Location = Location.Outlet;
                    milli = true;
                    break;
            }

            int kind = milli ? KindMilli : KindInteger;
            if (_cachedKind[slot] != kind || _cachedValue[slot] != number || _cachedText[slot] == null)
            {
                _cachedText[slot] = Format(number, milli);
                _cachedValue[slot] = number;
                _cachedKind[slot] = kind;
            }

            value.Value = _cachedText[slot];
        }

        /// <summary>
        /// The decimal text of <paramref name="number"/>, or of number / 1000 with exactly three decimals when
        /// <paramref name="milli"/> ("16.000", "0.005", "-1.250"). Invariant: digits, '-', '.', nothing else.
        /// </summary>
        private string Format(long number, bool milli)
        {
            bool negative = number < 0;

            // Magnitude as a negative number: long.MinValue has no positive counterpart.
            long rest = negative ? number : -number;
            int p = _digits.Length;
            int place = 0;
            do
            {
                if (milli && place == 3)
                {
                    _digits[--p] = '.';
                }

                _digits[--p] = (char)('0' - (int)(rest % 10));
                rest /= 10;
                place++;
            }
            while (rest != 0 || (milli && place < 4));

            if (negative)
            {
                _digits[--p] = '-';
            }

            return new string(_digits, p, _digits.Length - p);
        }
    }
}
