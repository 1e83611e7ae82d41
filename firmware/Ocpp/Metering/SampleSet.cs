using Wallbox.Firmware.Metering;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Transactions;

namespace Wallbox.Firmware.Ocpp.Metering
{
    /// <summary>
    /// The compact form of one MeterValue's samples, as the transaction journal stores them (at most
    /// <see cref="TransactionJournal.MaxSampleBytes"/> bytes) and as the sender decodes them
    /// (<see cref="SampledValueBuilder"/>): one 5-byte entry per value, [code][value int32 little-endian], code =
    /// measurand (enum value) * 4 + phase (0 none, 1..3 = L1..L3), value in the integer unit of
    /// <see cref="MeterReading"/>: Wh, W, mA, mV, mHz. One path for journalled and live MeterValues (FXP-46/47).
    ///
    /// Values must fit an int32; a value that does not (only the energy register can, beyond 2 147 483 647 Wh =
    /// 2 147 483 kWh, the same bound as OCPP 1.6's integer meterStart/meterStop) is left out and counted in
    /// <see cref="OutOfRange"/>, never wrapped or clamped: a wrong register on a bill is worse than a missing one.
    /// Encoding is bounded (at most <see cref="MaxValues"/> values) and allocation-free; one instance is reused.
    /// </summary>
    public sealed class SampleSet
    {
        /// <summary>Bytes of one entry: code and int32 value.</summary>
        public const int EntryBytes = 5;

        /// <summary>Values one journal record holds: 32 bytes / 5 = 6.</summary>
        public const int MaxJournalValues = TransactionJournal.MaxSampleBytes / EntryBytes;

        /// <summary>Values a selection can expand to: 8 entries, 3 phases each.</summary>
        public const int MaxValues = MeasurandSelection.MaxEntries * 3;

        /// <summary>Bytes of the largest set (a MeterValues sent straight to the central system, no journal bound).</summary>
        public const int MaxBytes = MaxValues * EntryBytes;

        /// <summary>
        /// Nominal phase-to-neutral voltage, mV, for Power.Offered when the meter reads no voltage on a phase (a meter
        /// behind the open contactor): the offer is a capacity, not a measurement, and must not read 0 W before the
        /// contactor closes.
        /// </summary>
        public const int NominalVoltageMv = 230000;

        /// <summary>Below this a phase voltage counts as "not present" for Power.Offered, mV (IEC 60038 tolerances are far above).</summary>
        public const int MinPresentVoltageMv = 100000;

        /// <summary>Values of the last <see cref="Encode(MeasurandSelection, MeterReading, int, byte[], int)"/> that did not fit (the caller logs them).</summary>
        public int Cut { get; private set; }

        /// <summary>Values of the last encode left out because they do not fit an int32 (see the class remarks).</summary>
        public int OutOfRange { get; private set; }

        /// <summary>
        /// Encodes the values <paramref name="selection"/> asks for from <paramref name="reading"/> and the offered
        /// current (mA, the pilot's offer) into at most <see cref="TransactionJournal.MaxSampleBytes"/> bytes at
        /// <paramref name="offset"/>; returns the length (a multiple of <see cref="EntryBytes"/>). Values past the
        /// sixth are cut, in selection order (<see cref="Cut"/>).
        /// </summary>
        public int Encode(MeasurandSelection selection, MeterReading reading, int offeredCurrentMa, byte[] buffer, int offset)
        {
            return Encode(selection, reading, offeredCurrentMa, buffer, offset, TransactionJournal.MaxSampleBytes);
        }

        /// <summary>
        /// As <see cref="Encode(MeasurandSelection, MeterReading, int, byte[], int)"/> with room for
        /// <paramref name="maxBytes"/> bytes (<see cref="MaxBytes"/> holds any selection: no value is cut).
        /// Per-phase measurands without a phase expand to every measured phase (L1..L<see cref="MeterReading.PhaseCount"/>);
        /// a phase the meter does not measure (L2 on a one-phase meter) yields no value.
        /// </summary>
        public int Encode(MeasurandSelection selection, MeterReading reading, int offeredCurrentMa, byte[] buffer, int offset, int maxBytes)
        {
            Cut = 0;
            OutOfRange = 0;
            int room = buffer.Length - offset;
            int capacity = (maxBytes < room ? maxBytes : room) / EntryBytes;
            int phases = reading.PhaseCount < 1 ? 1 : (reading.PhaseCount > 3 ? 3 : reading.PhaseCount);
            int written = 0;
            for (int i = 0; i < selection.Count; i++)
            {
                Measurand measurand = selection.MeasurandAt(i);
                int phase = (int)selection.PhaseAt(i);
                if (MeasurandSelection.IsPerPhase(measurand))
                {
                    int first = phase == 0 ? 1 : phase;
                    int last = phase == 0 ? phases : (phase <= phases ? phase : 0);
                    for (int p = first; p <= last; p++)
                    {
                        int[] perPhase = measurand == Measurand.Voltage ? reading.VoltageMv : reading.CurrentMa;
                        written = Put(buffer, offset, capacity, written, measurand, p, perPhase[p - 1]);
                    }
                }
                else
                {
                    written = Put(buffer, offset, capacity, written, measurand, 0, TotalValue(measurand, reading, offeredCurrentMa, phases));
                }
            }

            return written * EntryBytes;
        }

        /// <summary>Entries in an encoded set of <paramref name="length"/> bytes (a trailing partial entry is ignored).</summary>
        public static int CountOf(int length)
        {
            return length < 0 ? 0 : length / EntryBytes;
        }

        /// <summary>The measurand of entry <paramref name="index"/> of the set at <paramref name="offset"/>.</summary>
        public static Measurand MeasurandAt(byte[] buffer, int offset, int index)
        {
            return (Measurand)(buffer[offset + (index * EntryBytes)] >> 2);
        }

        /// <summary>The phase of entry <paramref name="index"/>: 0 none, 1..3 = L1..L3.</summary>
        public static int PhaseAt(byte[] buffer, int offset, int index)
        {
            return buffer[offset + (index * EntryBytes)] & 3;
        }

        /// <summary>The value of entry <paramref name="index"/>, in the integer unit of its measurand.</summary>
        public static int ValueAt(byte[] buffer, int offset, int index)
        {
            int p = offset + (index * EntryBytes) + 1;
            return buffer[p] | (buffer[p + 1] << 8) | (buffer[p + 2] << 16) | (buffer[p + 3] << 24);
        }

        /// <summary>The value of a measurand that is one number for the connector (no phase), wide enough to check the int32 bound.</summary>
        private static long TotalValue(Measurand measurand, MeterReading reading, int offeredCurrentMa, int phases)
        {
            switch (measurand)
            {
                case Measurand.EnergyActiveImportRegister:
                    return reading.EnergyImportWh;
                case Measurand.PowerActiveImport:
                    return reading.PowerW;
                case Measurand.CurrentOffered:
                    return offeredCurrentMa;
                case Measurand.Frequency:
                    return reading.FrequencyMilliHz;
                case Measurand.PowerOffered:
                    return OfferedPowerW(reading, offeredCurrentMa, phases);
                default:
                    return 0; // MeasurandSelection admits no other measurand
            }
        }

        /// <summary>
        /// Power.Offered: the offered current on every phase the meter measures, times each phase's voltage (or the
        /// nominal voltage where none is present), in W (mA * mV = µW).
        /// </summary>
        private static long OfferedPowerW(MeterReading reading, int offeredCurrentMa, int phases)
        {
            long microwatts = 0;
            for (int p = 0; p < phases; p++)
            {
                int voltageMv = reading.VoltageMv[p];
                if (voltageMv < MinPresentVoltageMv)
                {
                    voltageMv = NominalVoltageMv;
                }

                microwatts += (long)offeredCurrentMa * voltageMv;
            }

            return microwatts / 1000000;
        }

        private int Put(byte[] buffer, int offset, int capacity, int written, Measurand measurand, int phase, long value)
        {
            if (value < int.MinValue || value > int.MaxValue)
            {
                OutOfRange++;
                return written;
            }

            if (written == capacity)
            {
                Cut++;
                return written;
            }

            int v = (int)value;
            int p = offset + (written * EntryBytes);
            buffer[p] = (byte)(((int)measurand * 4) + phase);
            buffer[p + 1] = (byte)v;
            buffer[p + 2] = (byte)(v >> 8);
            buffer[p + 3] = (byte)(v >> 16);
            buffer[p + 4] = (byte)(v >> 24);
            return written + 1;
        }
    }
}
