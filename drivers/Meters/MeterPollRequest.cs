namespace Wallbox.Drivers.Meters
{
    /// <summary>One read request of a poll cycle: function code 3 or 4, a start address and a register count (1..125).</summary>
    public sealed class MeterPollRequest
    {
        /// <summary>Creates the request.</summary>
        public MeterPollRequest(byte functionCode, int startAddress, int count)
        {
            FunctionCode = functionCode;
            StartAddress = startAddress;
            Count = count;
        }

        /// <summary>3 (holding) or 4 (input).</summary>
        public byte FunctionCode { get; }

        /// <summary>Protocol address of the first register read.</summary>
        public int StartAddress { get; }

        /// <summary>Registers read.</summary>
        public int Count { get; }
    }
}
