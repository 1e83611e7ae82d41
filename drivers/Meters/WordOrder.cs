namespace Wallbox.Drivers.Meters
{
    /// <summary>Order of the 16-bit registers of a 32- or 64-bit value (bytes within a register are always high first).</summary>
    public enum WordOrder
    {
        /// <summary>The most significant register at the lowest address ("ABCD": Eastron, ABB).</summary>
        HighWordFirst,

        /// <summary>The least significant register at the lowest address ("CDAB": Carlo Gavazzi EM300 series).</summary>
        LowWordFirst,
    }
}
