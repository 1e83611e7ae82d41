using System;

namespace Wallbox.Drivers.Meters
{
    /// <summary>
    /// Everything the firmware knows about one meter model, as data: its registers, the phases it measures, how many
    /// registers it answers in one request, and the energy resolution it can deliver. Each supported model is one
    /// instance in <see cref="MeterModels"/>; adding a meter means adding an instance, not code.
    /// </summary>
    public sealed class MeterRegisterMap
    {
        /// <summary>Protocol limit of registers in one read request (MODBUS Application Protocol V1.1b3 §6.3, §6.4).</summary>
        public const int ProtocolMaxRegistersPerRequest = 125;

        /// <summary>
        /// Creates and checks a map: registers must not overlap within one function code, each quantity appears once,
        /// and every register fits in one request. Throws <see cref="ArgumentException"/> otherwise.
        /// </summary>
        /// <param name="name">Configuration name (value of the MeterType key), e.g. "SDM630".</param>
        /// <param name="model">Model and variant, for logs and the documentation.</param>
        /// <param name="source">Datasheet the map was written from: title and revision.</param>
        /// <param name="phaseCount">Phases the meter measures (1 or 3).</param>
        /// <param name="maxRegistersPerRequest">Registers the meter answers in one request (1..125).</param>
        /// <param name="maxGapRegisters">Unused registers a request may read between two mapped values (0 = only contiguous reads).</param>
        /// <param name="energyResolutionWh">Resolution of the decoded import energy, Wh, below <paramref name="energyResolutionValidBelowWh"/>.</param>
        /// <param name="energyResolutionValidBelowWh">Import energy up to which <paramref name="energyResolutionWh"/> holds (float registers get coarser above it).</param>
        /// <param name="registers">The registers.</param>
        public MeterRegisterMap(string name, string model, string source, int phaseCount, int maxRegistersPerRequest, int maxGapRegisters,
            int energyResolutionWh, long energyResolutionValidBelowWh, MeterRegister[] registers)
        {
            if (name == null || name.Length == 0 || registers == null || registers.Length == 0)
            {
                throw new ArgumentException("a map needs a name and registers");
            }

            if (phaseCount != 1 && phaseCount != 3)
            {
                throw new ArgumentException("phase count must be 1 or 3", "phaseCount");
            }

            if (maxRegistersPerRequest < 1 || maxRegistersPerRequest > ProtocolMaxRegistersPerRequest || maxGapRegisters < 0 || energyResolutionWh < 1)
            {
                throw new ArgumentException("request limits or resolution out of range");
            }

            for (int i = 0; i < registers.Length; i++)
            {
                MeterRegister a = registers[i];
                if (a == null || a.RegisterCount > maxRegistersPerRequest)
                {
                    throw new ArgumentException("register missing or larger than one request");
                }

                for (int j = i + 1; j < registers.Length; j++)
                {
                    MeterRegister b = registers[j];
                    if (b == null)
                    {
                        continue;
                    }

                    if (a.Quantity == b.Quantity)
                    {
                        throw new ArgumentException("a quantity is mapped twice");
                    }

                    if (a.FunctionCode == b.FunctionCode && a.Address < b.EndAddress && b.Address < a.EndAddress)
                    {
                        throw new ArgumentException("registers overlap");
                    }
                }
            }

            Name = name;
            Model = model;
            Source = source;
            PhaseCount = phaseCount;
            MaxRegistersPerRequest = maxRegistersPerRequest;
            MaxGapRegisters = maxGapRegisters;
            EnergyResolutionWh = energyResolutionWh;
            EnergyResolutionValidBelowWh = energyResolutionValidBelowWh;
            Registers = registers;
        }

        /// <summary>Configuration name (value of the MeterType key).</summary>
        public string Name { get; }

        /// <summary>Model and variant.</summary>
        public string Model { get; }

        /// <summary>Datasheet title and revision the map was written from.</summary>
        public string Source { get; }

        /// <summary>Phases the meter measures (1 or 3).</summary>
        public int PhaseCount { get; }

        /// <summary>Registers the meter answers in one request (≤ 125).</summary>
        public int MaxRegistersPerRequest { get; }

        /// <summary>Unused registers a request may read between two mapped values (0 = contiguous reads only).</summary>
        public int MaxGapRegisters { get; }

        /// <summary>Resolution of the decoded import energy in Wh, valid below <see cref="EnergyResolutionValidBelowWh"/>.</summary>
        public int EnergyResolutionWh { get; }

        /// <summary>
        /// Import energy (Wh) up to which <see cref="EnergyResolutionWh"/> holds: <see cref="long.MaxValue"/> for integer
        /// registers; for float32 kWh registers the power of two where the float's step exceeds 1 Wh
        /// (<see cref="MeterDecoder.ResolutionAt"/> gives the step at any reading).
        /// </summary>
        public long EnergyResolutionValidBelowWh { get; }

        /// <summary>The registers (do not modify).</summary>
        public MeterRegister[] Registers { get; }

        /// <summary>The register of <paramref name="quantity"/>, or null when the meter does not expose it.</summary>
        public MeterRegister Find(MeterQuantity quantity)
        {
            int index = IndexOf(quantity);
            return index < 0 ? null : Registers[index];
        }

        /// <summary>Index of <paramref name="quantity"/> in <see cref="Registers"/>, or -1.</summary>
        public int IndexOf(MeterQuantity quantity)
        {
            for (int i = 0; i < Registers.Length; i++)
            {
                if (Registers[i].Quantity == quantity)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Plans one poll cycle: contiguous register ranges per function code in at most <paramref name="maxRequests"/>
        /// requests of at most <see cref="MaxRegistersPerRequest"/> registers. Null when that many requests are not enough.
        /// The serial number is left out unless <paramref name="includeSerialNumber"/> (it is identity, read once).
        /// </summary>
        public MeterPollPlan PlanPolls(int maxRequests, bool includeSerialNumber)
        {
            return MeterPollPlan.Create(this, maxRequests, includeSerialNumber);
        }
    }
}
