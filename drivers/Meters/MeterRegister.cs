using System;

namespace Wallbox.Drivers.Meters
{
    /// <summary>
    /// Where and how a meter holds one <see cref="MeterQuantity"/>: function code, register address, encoding, and the
    /// exact factor from the register's unit to the target unit (<see cref="Multiplier"/> / <see cref="Divisor"/>).
    /// Immutable data; a <see cref="MeterRegisterMap"/> is a list of these.
    /// </summary>
    /// <remarks>
    /// <para><b>Addresses</b> are protocol addresses: 0-based, exactly what goes into the request PDU (MODBUS Application
    /// Protocol V1.1b3 §4.4, "data items numbered X are addressed X-1"). Datasheets number differently:</para>
    /// <list type="bullet">
    /// <item>Eastron lists Modicon register numbers 3xxxx (input) and 4xxxx (holding): address = number - 30001 or
    /// number - 40001, so input register 30073 is address 0x0048 (the manuals print that "Modbus protocol start address
    /// hex" beside the number).</item>
    /// <item>ABB (B23/B24 User Manual, 9.3 Mapping tables) lists hexadecimal addresses "exactly as sent on the bus", to
    /// be used unchanged: 0x5000 is 0x5000.</item>
    /// <item>Carlo Gavazzi (EM300 series communication protocol) lists a "physical address" (used unchanged) beside the
    /// "Modicom address" (physical + 1).</item>
    /// </list>
    /// <para><b>Scale</b>: target = raw × <see cref="Multiplier"/> / <see cref="Divisor"/>, both positive integers, so an
    /// integer register never passes through floating point (0.01 kWh → Wh is 10/1; 0.1 W → W is 1/10, rounded half
    /// away from zero). Float32 registers use the same factor, applied exactly to the value the float holds
    /// (see <see cref="MeterDecoder"/>).</para>
    /// </remarks>
    public sealed class MeterRegister
    {
        /// <summary>Function code "Read Holding Registers".</summary>
        public const byte ReadHoldingRegisters = 3;

        /// <summary>Function code "Read Input Registers".</summary>
        public const byte ReadInputRegisters = 4;

        /// <summary>Largest <see cref="Multiplier"/> (keeps float32 scaling exact in 64-bit integers).</summary>
        public const int MaxMultiplier = 1000000;

        /// <summary>Largest <see cref="Divisor"/> (keeps float32 scaling exact in 64-bit integers).</summary>
        public const int MaxDivisor = 65536;

        /// <summary>Describes one register of a meter; throws <see cref="ArgumentException"/> on values a map cannot hold.</summary>
        public MeterRegister(MeterQuantity quantity, byte functionCode, int address, RegisterDataType dataType, WordOrder wordOrder, int multiplier, int divisor)
        {
            if (functionCode != ReadHoldingRegisters && functionCode != ReadInputRegisters)
            {
                throw new ArgumentException("function code must be 3 or 4", "functionCode");
            }

            int count = CountOf(dataType);
            if (address < 0 || address + count > 0x10000)
            {
                throw new ArgumentException("register address out of 0..0xFFFF", "address");
            }

            if (multiplier < 1 || multiplier > MaxMultiplier || divisor < 1 || divisor > MaxDivisor)
            {
                throw new ArgumentException("scale factor out of range", "multiplier");
            }

            Quantity = quantity;
            FunctionCode = functionCode;
            Address = address;
            DataType = dataType;
            WordOrder = wordOrder;
            Multiplier = multiplier;
            Divisor = divisor;
            RegisterCount = count;
        }

        /// <summary>The quantity held.</summary>
        public MeterQuantity Quantity { get; }

        /// <summary>3 (holding) or 4 (input).</summary>
        public byte FunctionCode { get; }

        /// <summary>Protocol address of the first register (0-based, as sent on the wire).</summary>
        public int Address { get; }

        /// <summary>Encoding.</summary>
        public RegisterDataType DataType { get; }

        /// <summary>Register order of 32/64-bit values (ignored for 16-bit types).</summary>
        public WordOrder WordOrder { get; }

        /// <summary>Numerator of the factor from the register's unit to the target unit.</summary>
        public int Multiplier { get; }

        /// <summary>Denominator of the factor from the register's unit to the target unit.</summary>
        public int Divisor { get; }

        /// <summary>Registers the value occupies (1, 2 or 4).</summary>
        public int RegisterCount { get; }

        /// <summary>First address after the value.</summary>
        public int EndAddress { get { return Address + RegisterCount; } }

        /// <summary>Registers a value of <paramref name="dataType"/> occupies.</summary>
        public static int CountOf(RegisterDataType dataType)
        {
            switch (dataType)
            {
                case RegisterDataType.Int16:
                case RegisterDataType.UInt16:
                    return 1;
                case RegisterDataType.Int64:
                case RegisterDataType.UInt64:
                    return 4;
                default:
                    return 2;
            }
        }
    }
}
