namespace Wallbox.Drivers.Meters
{
    /// <summary>
    /// How the 16-bit registers of one quantity encode its value. Multi-register types take their word order from
    /// <see cref="WordOrder"/>; within each register the high byte comes first (Modbus Application Protocol V1.1b3 §4.2).
    /// </summary>
    public enum RegisterDataType
    {
        /// <summary>IEEE-754 binary32 in two registers (Eastron).</summary>
        Float32,

        /// <summary>Two's-complement 32-bit integer in two registers; 0x7FFFFFFF means "invalid / overflow" (ABB, Carlo Gavazzi).</summary>
        Int32,

        /// <summary>Unsigned 32-bit integer in two registers; 0xFFFFFFFF means "invalid" (ABB).</summary>
        UInt32,

        /// <summary>Two's-complement 16-bit integer in one register; 0x7FFF means "invalid".</summary>
        Int16,

        /// <summary>Unsigned 16-bit integer in one register; 0xFFFF means "invalid".</summary>
        UInt16,

        /// <summary>Two's-complement 64-bit integer in four registers; 0x7FFF...FF means "invalid".</summary>
        Int64,

        /// <summary>Unsigned 64-bit integer in four registers (ABB energy accumulators); all ones means "invalid".</summary>
        UInt64,
    }
}
