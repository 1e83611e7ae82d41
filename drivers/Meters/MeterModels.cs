namespace Wallbox.Drivers.Meters
{
    /// <summary>
    /// The supported meters, one <see cref="MeterRegisterMap"/> each, looked up by the configuration name (MeterType).
    /// Sources and what could not be confirmed are listed in docs/meters.md.
    /// </summary>
    /// <remarks>
    /// Iskra WM3M4 and Phoenix Contact EEM-350 are not here: no register table of either could be found to write a map
    /// from (Iskra's measurement formats carry a decimal exponent; guessing them would bill garbage).
    /// </remarks>
    public static class MeterModels
    {
        private const byte Holding = MeterRegister.ReadHoldingRegisters;
        private const byte Input = MeterRegister.ReadInputRegisters;
        private const RegisterDataType F32 = RegisterDataType.Float32;
        private const WordOrder Hi = WordOrder.HighWordFirst;
        private const WordOrder Lo = WordOrder.LowWordFirst;

        // Eastron: float32 input registers hold V, A, W, Hz and kWh; targets are mV (×1000), mA (×1000), W (×1),
        // mHz (×1000), Wh (×1000). Eastron limits one request to 30 parameters (SDM72D-M User Manual V1.1, Part 3:
        // "Each request for data must be restricted to 30 parameters or less"), i.e. 60 registers; the other SDM
        // manuals read here did not state their limit, so 60 holds for all. Undocumented addresses are not read
        // (MaxGapRegisters 0): the manuals do not promise an answer there.
        // Float32 kWh: 1 Wh resolution below 2^14 kWh = 16,384,000 Wh (see MeterDecoder).
        private const long Float32KwhResolutionLimitWh = 16384000;
        private const long EastronResolutionLimitWh = Float32KwhResolutionLimitWh;

        /// <summary>
        /// Eastron SDM630-Modbus V2 (MID), three-phase. Source: "SDM630-Modbus V2 User Manual" (B+G e-tech), Modbus
        /// protocol: §1.2 input registers (function 04), §1.3.1 holding registers (function 03).
        /// </summary>
        public static readonly MeterRegisterMap Sdm630 = new MeterRegisterMap(
            "SDM630", "Eastron SDM630-Modbus V2", "Eastron SDM630-Modbus V2 User Manual (B+G e-tech), Modbus protocol §1.2, §1.3.1",
            3, 60, 0, 1, EastronResolutionLimitWh,
            new MeterRegister[]
            {
                new MeterRegister(MeterQuantity.VoltageL1, Input, 0x0000, F32, Hi, 1000, 1),   // 30001 phase 1 line to neutral volts
                new MeterRegister(MeterQuantity.VoltageL2, Input, 0x0002, F32, Hi, 1000, 1),   // 30003
                new MeterRegister(MeterQuantity.VoltageL3, Input, 0x0004, F32, Hi, 1000, 1),   // 30005
                new MeterRegister(MeterQuantity.CurrentL1, Input, 0x0006, F32, Hi, 1000, 1),   // 30007 phase 1 current
                new MeterRegister(MeterQuantity.CurrentL2, Input, 0x0008, F32, Hi, 1000, 1),   // 30009
                new MeterRegister(MeterQuantity.CurrentL3, Input, 0x000A, F32, Hi, 1000, 1),   // 30011
                new MeterRegister(MeterQuantity.PowerL1, Input, 0x000C, F32, Hi, 1, 1),        // 30013 phase 1 power
                new MeterRegister(MeterQuantity.PowerL2, Input, 0x000E, F32, Hi, 1, 1),        // 30015
                new MeterRegister(MeterQuantity.PowerL3, Input, 0x0010, F32, Hi, 1, 1),        // 30017
                new MeterRegister(MeterQuantity.PowerTotal, Input, 0x0034, F32, Hi, 1, 1),     // 30053 total system power
                new MeterRegister(MeterQuantity.Frequency, Input, 0x0046, F32, Hi, 1000, 1),   // 30071 frequency of supply voltages
                new MeterRegister(MeterQuantity.EnergyImport, Input, 0x0048, F32, Hi, 1000, 1), // 30073 import active energy (kWh)
                new MeterRegister(MeterQuantity.EnergyExport, Input, 0x004A, F32, Hi, 1000, 1), // 30075 export active energy (kWh)
                new MeterRegister(MeterQuantity.SerialNumber, Holding, 0xFC00, RegisterDataType.UInt32, Hi, 1, 1), // 0xFC00 serial number (uint32)
            });

        /// <summary>
        /// Eastron SDM72D-M v2 (SDM72D-M-2, MID), three-phase. Source: "Eastron SDM72D-M User Manual V1.1" (B+G e-tech),
        /// Part 3 Modbus Protocol, input registers (p. 13-14), holding registers (p. 15); the v1 "SDM72D-M Modbus Protocol
        /// V1.1" confirms 30053/30073/30075. The frequency address (30071) is the SDM family's and was not seen in an
        /// SDM72D-M document (docs/meters.md).
        /// </summary>
        public static readonly MeterRegisterMap Sdm72dm = new MeterRegisterMap(
            "SDM72DM", "Eastron SDM72D-M v2 (SDM72D-M-2)", "Eastron SDM72D-M User Manual V1.1 (B+G e-tech), Part 3 Modbus Protocol",
            3, 60, 0, 1, EastronResolutionLimitWh,
            new MeterRegister[]
            {
                new MeterRegister(MeterQuantity.VoltageL1, Input, 0x0000, F32, Hi, 1000, 1),   // 30001
                new MeterRegister(MeterQuantity.VoltageL2, Input, 0x0002, F32, Hi, 1000, 1),   // 30003
                new MeterRegister(MeterQuantity.VoltageL3, Input, 0x0004, F32, Hi, 1000, 1),   // 30005
                new MeterRegister(MeterQuantity.CurrentL1, Input, 0x0006, F32, Hi, 1000, 1),   // 30007
                new MeterRegister(MeterQuantity.CurrentL2, Input, 0x0008, F32, Hi, 1000, 1),   // 30009
                new MeterRegister(MeterQuantity.CurrentL3, Input, 0x000A, F32, Hi, 1000, 1),   // 30011
                new MeterRegister(MeterQuantity.PowerL1, Input, 0x000C, F32, Hi, 1, 1),        // 30013
                new MeterRegister(MeterQuantity.PowerL2, Input, 0x000E, F32, Hi, 1, 1),        // 30015
                new MeterRegister(MeterQuantity.PowerL3, Input, 0x0010, F32, Hi, 1, 1),        // 30017
                new MeterRegister(MeterQuantity.PowerTotal, Input, 0x0034, F32, Hi, 1, 1),     // 30053 total system power
                new MeterRegister(MeterQuantity.Frequency, Input, 0x0046, F32, Hi, 1000, 1),   // 30071 (unconfirmed for this model)
                new MeterRegister(MeterQuantity.EnergyImport, Input, 0x0048, F32, Hi, 1000, 1), // 30073 total import kWh
                new MeterRegister(MeterQuantity.EnergyExport, Input, 0x004A, F32, Hi, 1000, 1), // 30075 total export kWh
                new MeterRegister(MeterQuantity.SerialNumber, Holding, 0xFC00, RegisterDataType.UInt32, Hi, 1, 1), // serial number
            });

        /// <summary>
        /// Eastron SDM120-Modbus (MID), single-phase. Source: "Eastron SDM120Modbus Smart Meter Modbus Protocol
        /// Implementation V2.4" (input registers, function 04); its table could not be read here, so the addresses
        /// (30001, 30007, 30013, 30071, 30073, 30075, the SDM family's) were checked against transcriptions of the
        /// "Eastron SDM120-M User Manual V1.0" (docs/meters.md).
        /// </summary>
        public static readonly MeterRegisterMap Sdm120 = SinglePhaseEastron(
            "SDM120", "Eastron SDM120-Modbus", "Eastron SDM120Modbus Smart Meter Modbus Protocol Implementation V2.4, input registers");

        /// <summary>
        /// Eastron SDM230-Modbus (MID), single-phase. Source: "Eastron SDM230Modbus Smart Meter Modbus Protocol
        /// Implementation V1.4", §1.2 input registers (same addresses as the SDM120; checked against transcriptions of
        /// that table, docs/meters.md).
        /// </summary>
        public static readonly MeterRegisterMap Sdm230 = SinglePhaseEastron(
            "SDM230", "Eastron SDM230-Modbus", "Eastron SDM230Modbus Smart Meter Modbus Protocol Implementation V1.4, §1.2 input registers");

        /// <summary>
        /// ABB B23 / B24 (EQ meters, Modbus RTU), three-phase; one map for both (B24 is the CT-connected variant).
        /// Source: ABB "B23/B24 User Manual", 2CMC485003M0201, chapter 9 Communication with Modbus, 9.3 Mapping tables
        /// (revision A 2013-06-20 read in part; the addresses cross-checked against transcriptions of revision E
        /// 2025-11-07 and the A43/A44 User Manual rev. C 9.4, which lists the same energy accumulators). All
        /// registers are holding registers (function 03; the meter supports 03, 06 and 16 only), big-endian, high word
        /// first; any block of 1..125 registers in 0x1000..0x8EFF may be read, so gaps are bridged.
        /// </summary>
        public static readonly MeterRegisterMap AbbB23 = new MeterRegisterMap(
            "ABB-B23", "ABB B23/B24", "ABB B23/B24 User Manual 2CMC485003M0201 rev. A (2013-06-20) / rev. E (2025-11-07), 9.3 Mapping tables",
            3, 125, 125, 10, long.MaxValue,
            new MeterRegister[]
            {
                // Total energy accumulators: 4 registers, unsigned, resolution 0.01 kWh (×10 → Wh).
                new MeterRegister(MeterQuantity.EnergyImport, Holding, 0x5000, RegisterDataType.UInt64, Hi, 10, 1), // active import kWh
                new MeterRegister(MeterQuantity.EnergyExport, Holding, 0x5004, RegisterDataType.UInt64, Hi, 10, 1), // active export kWh (Steel variants: invalid)
                // Instantaneous values.
                new MeterRegister(MeterQuantity.VoltageL1, Holding, 0x5B00, RegisterDataType.UInt32, Hi, 100, 1),  // voltage L1-N, 0.1 V
                new MeterRegister(MeterQuantity.VoltageL2, Holding, 0x5B02, RegisterDataType.UInt32, Hi, 100, 1),  // voltage L2-N
                new MeterRegister(MeterQuantity.VoltageL3, Holding, 0x5B04, RegisterDataType.UInt32, Hi, 100, 1),  // voltage L3-N
                new MeterRegister(MeterQuantity.CurrentL1, Holding, 0x5B0C, RegisterDataType.UInt32, Hi, 10, 1),   // current L1, 0.01 A
                new MeterRegister(MeterQuantity.CurrentL2, Holding, 0x5B0E, RegisterDataType.UInt32, Hi, 10, 1),   // current L2
                new MeterRegister(MeterQuantity.CurrentL3, Holding, 0x5B10, RegisterDataType.UInt32, Hi, 10, 1),   // current L3
                new MeterRegister(MeterQuantity.PowerTotal, Holding, 0x5B14, RegisterDataType.Int32, Hi, 1, 100),  // active power total, 0.01 W, signed
                new MeterRegister(MeterQuantity.PowerL1, Holding, 0x5B16, RegisterDataType.Int32, Hi, 1, 100),     // active power L1
                new MeterRegister(MeterQuantity.PowerL2, Holding, 0x5B18, RegisterDataType.Int32, Hi, 1, 100),     // active power L2
                new MeterRegister(MeterQuantity.PowerL3, Holding, 0x5B1A, RegisterDataType.Int32, Hi, 1, 100),     // active power L3
                new MeterRegister(MeterQuantity.Frequency, Holding, 0x5B2C, RegisterDataType.UInt16, Hi, 10, 1),   // frequency, 0.01 Hz
                new MeterRegister(MeterQuantity.SerialNumber, Holding, 0x8900, RegisterDataType.UInt32, Hi, 1, 1), // serial number, 2 registers unsigned
            });

        /// <summary>
        /// Carlo Gavazzi EM340 (MID variants), three-phase. Source: Carlo Gavazzi "EM300 Series and ET300 Series
        /// Communication Protocol", version 2 revision 17 (2021-07-05), table 2.4-1 (instantaneous variables and meters,
        /// grouped by variable type). INT32 values are low word first; functions 03 and 04 read the same values; at most
        /// 50 registers per request; every address of table 2.4-1 answers, so gaps inside it are bridged. The serial number
        /// (table 2.9-9, 0x5000) is text and is not mapped.
        /// </summary>
        public static readonly MeterRegisterMap Em340 = new MeterRegisterMap(
            "EM340", "Carlo Gavazzi EM340", "Carlo Gavazzi EM300 Series and ET300 Series Communication Protocol v2 rev. 17 (2021-07-05), table 2.4-1",
            3, 50, 50, 100, long.MaxValue,
            new MeterRegister[]
            {
                new MeterRegister(MeterQuantity.VoltageL1, Input, 0x0000, RegisterDataType.Int32, Lo, 100, 1), // V L1-N, weight Volt×10
                new MeterRegister(MeterQuantity.VoltageL2, Input, 0x0002, RegisterDataType.Int32, Lo, 100, 1), // V L2-N
                new MeterRegister(MeterQuantity.VoltageL3, Input, 0x0004, RegisterDataType.Int32, Lo, 100, 1), // V L3-N
                new MeterRegister(MeterQuantity.CurrentL1, Input, 0x000C, RegisterDataType.Int32, Lo, 1, 1),   // A L1, weight A×1000
                new MeterRegister(MeterQuantity.CurrentL2, Input, 0x000E, RegisterDataType.Int32, Lo, 1, 1),   // A L2
                new MeterRegister(MeterQuantity.CurrentL3, Input, 0x0010, RegisterDataType.Int32, Lo, 1, 1),   // A L3
                new MeterRegister(MeterQuantity.PowerL1, Input, 0x0012, RegisterDataType.Int32, Lo, 1, 10),    // W L1, weight W×10
                new MeterRegister(MeterQuantity.PowerL2, Input, 0x0014, RegisterDataType.Int32, Lo, 1, 10),    // W L2
                new MeterRegister(MeterQuantity.PowerL3, Input, 0x0016, RegisterDataType.Int32, Lo, 1, 10),    // W L3
                new MeterRegister(MeterQuantity.PowerTotal, Input, 0x0028, RegisterDataType.Int32, Lo, 1, 10), // W sys
                new MeterRegister(MeterQuantity.Frequency, Input, 0x0033, RegisterDataType.Int16, Lo, 100, 1), // Hz, weight Hz×10
                new MeterRegister(MeterQuantity.EnergyImport, Input, 0x0034, RegisterDataType.Int32, Lo, 100, 1), // kWh (+) TOT, weight kWh×10
                new MeterRegister(MeterQuantity.EnergyExport, Input, 0x004E, RegisterDataType.Int32, Lo, 100, 1), // kWh (-) TOT
            });

        /// <summary>
        /// Inepro PRO380-Mod (MID), three-phase. Inepro's table ("PRO380 user manual" V2.18, 2018, Modbus register list)
        /// could not be read here, so only addresses on which two independent integrations agree are mapped: the mbmd
        /// Inepro driver (written from that manual) and nymea's PRO380 register map; the EVC04 meter emulation
        /// (checked against Inepro's register documents V1.18 and V2.18) confirms the three currents. All values are
        /// float32 holding registers (function 03), high word first; power in kW, energy in kWh. Exception: the L2/L3
        /// voltages (0x5004/0x5006) are in mbmd only; they are the two slots between the agreed L1 voltage (0x5002) and
        /// frequency (0x5008) and a three-phase map needs them (docs/meters.md lists them as not confirmed). Per-phase
        /// powers (0x5014..0x5018, mbmd only) and the serial number (0x4000, hex digits read as a decimal number, not
        /// a uint32) are not mapped. Request limit not found: reads stay contiguous (the largest is 8 registers).
        /// </summary>
        public static readonly MeterRegisterMap Pro380 = new MeterRegisterMap(
            "PRO380", "Inepro PRO380-Mod", "Inepro PRO380 user manual V2.18 (table not read; addresses from the mbmd and nymea integrations, which agree)",
            3, 60, 0, 1, Float32KwhResolutionLimitWh,
            new MeterRegister[]
            {
                new MeterRegister(MeterQuantity.VoltageL1, Holding, 0x5002, F32, Hi, 1000, 1),    // L1 voltage, V
                new MeterRegister(MeterQuantity.VoltageL2, Holding, 0x5004, F32, Hi, 1000, 1),    // L2 voltage (mbmd only, see above)
                new MeterRegister(MeterQuantity.VoltageL3, Holding, 0x5006, F32, Hi, 1000, 1),    // L3 voltage (mbmd only, see above)
                new MeterRegister(MeterQuantity.Frequency, Holding, 0x5008, F32, Hi, 1000, 1),    // grid frequency, Hz
                new MeterRegister(MeterQuantity.CurrentL1, Holding, 0x500C, F32, Hi, 1000, 1),    // L1 current, A
                new MeterRegister(MeterQuantity.CurrentL2, Holding, 0x500E, F32, Hi, 1000, 1),    // L2 current
                new MeterRegister(MeterQuantity.CurrentL3, Holding, 0x5010, F32, Hi, 1000, 1),    // L3 current
                new MeterRegister(MeterQuantity.PowerTotal, Holding, 0x5012, F32, Hi, 1000, 1),   // total active power, kW
                new MeterRegister(MeterQuantity.EnergyImport, Holding, 0x600C, F32, Hi, 1000, 1), // forward (import) active energy, kWh
                new MeterRegister(MeterQuantity.EnergyExport, Holding, 0x6018, F32, Hi, 1000, 1), // reverse (export) active energy, kWh
            });

        private static readonly MeterRegisterMap[] AllMaps = new MeterRegisterMap[] { Sdm630, Sdm72dm, Sdm120, Sdm230, AbbB23, Em340, Pro380 };

        // Other spellings accepted for MeterType, and the map each means.
        private static readonly string[] AliasNames = new string[] { "SDM72D-M", "SDM72D-M-2", "ABB-B24", "PRO380-MOD" };
        private static readonly MeterRegisterMap[] AliasMaps = new MeterRegisterMap[] { Sdm72dm, Sdm72dm, AbbB23, Pro380 };

        /// <summary>Every supported map (do not modify the array).</summary>
        public static MeterRegisterMap[] All { get { return AllMaps; } }

        /// <summary>
        /// The map configured as <paramref name="name"/> (MeterType), ignoring case: "SDM630", "SDM72DM", "SDM120",
        /// "SDM230", "ABB-B23" (or "ABB-B24"), "EM340", "PRO380" (or "PRO380-Mod"). Null when unknown. Allocates (configuration time only).
        /// </summary>
        public static MeterRegisterMap Find(string name)
        {
            if (name == null)
            {
                return null;
            }

            string key = name.Trim().ToUpper();
            for (int i = 0; i < AllMaps.Length; i++)
            {
                if (AllMaps[i].Name == key)
                {
                    return AllMaps[i];
                }
            }

            for (int i = 0; i < AliasNames.Length; i++)
            {
                if (AliasNames[i] == key)
                {
                    return AliasMaps[i];
                }
            }

            return null;
        }

        private static MeterRegisterMap SinglePhaseEastron(string name, string model, string source)
        {
            return new MeterRegisterMap(
                name, model, source, 1, 60, 0, 1, EastronResolutionLimitWh,
                new MeterRegister[]
                {
                    new MeterRegister(MeterQuantity.VoltageL1, Input, 0x0000, F32, Hi, 1000, 1),    // 30001 voltage
                    new MeterRegister(MeterQuantity.CurrentL1, Input, 0x0006, F32, Hi, 1000, 1),    // 30007 current
                    new MeterRegister(MeterQuantity.PowerTotal, Input, 0x000C, F32, Hi, 1, 1),      // 30013 active power
                    new MeterRegister(MeterQuantity.Frequency, Input, 0x0046, F32, Hi, 1000, 1),    // 30071 frequency
                    new MeterRegister(MeterQuantity.EnergyImport, Input, 0x0048, F32, Hi, 1000, 1), // 30073 import active energy
                    new MeterRegister(MeterQuantity.EnergyExport, Input, 0x004A, F32, Hi, 1000, 1), // 30075 export active energy
                    new MeterRegister(MeterQuantity.SerialNumber, Holding, 0xFC00, RegisterDataType.UInt32, Hi, 1, 1), // serial number
                });
        }
    }
}
