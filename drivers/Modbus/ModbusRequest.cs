namespace Wallbox.Drivers.Modbus
{
    /// <summary>
    /// One Modbus transaction, owned and reused by its caller (a meter poll schedule keeps one per register block),
    /// so polling allocates nothing. Fill the fields, hand it to <see cref="ModbusRtuMaster.TrySubmit"/>, poll
    /// <see cref="IsFinished"/>, read the outcome, then <see cref="Acknowledge"/>.
    /// </summary>
    /// <remarks>
    /// The master encodes the request frame when it accepts it, so changing the fields or <see cref="Registers"/>
    /// while the request is in flight does not change what is sent (retries included); read results are written
    /// into <see cref="Registers"/> only when a valid response has arrived.
    /// </remarks>
    public sealed class ModbusRequest
    {
        /// <summary>
        /// Most registers one request can carry: 125 for reads (MODBUS Application Protocol V1.1b3 §6.3/§6.4, a PDU
        /// of at most 253 bytes, §4.1); writes of several registers are limited to 123 (§6.12).
        /// </summary>
        public const int MaxRegisters = 125;

        /// <summary>Slave (server) address, 1..247 (Serial Line V1.02 §2.2; 0 broadcast is not supported).</summary>
        public byte SlaveAddress;

        /// <summary>Function code.</summary>
        public ModbusFunction Function;

        /// <summary>First register, as the protocol address on the wire (0..65535, not the "4xxxx" documentation number).</summary>
        public int Address;

        /// <summary>Number of registers: 1..125 for reads, 1..123 for Write Multiple Registers, 1 for Write Single Register.</summary>
        public int Count;

        /// <summary>The values to write (first <see cref="Count"/>), or after a completed read the registers read.</summary>
        public readonly ushort[] Registers = new ushort[MaxRegisters];

        /// <summary>Where the transaction is.</summary>
        public ModbusRequestState State { get; internal set; }

        /// <summary>The slave's exception code when <see cref="State"/> is <see cref="ModbusRequestState.Exception"/>; 0 otherwise.</summary>
        public byte ExceptionCode { get; internal set; }

        /// <summary>Transmissions of the current (or last) submission, retries included.</summary>
        public int Attempts { get; internal set; }

        /// <summary>True when the transaction has an outcome: Completed, Exception, TimedOut or Failed.</summary>
        public bool IsFinished
        {
            get
            {
                return State == ModbusRequestState.Completed || State == ModbusRequestState.Exception
                    || State == ModbusRequestState.TimedOut || State == ModbusRequestState.Failed;
            }
        }

        /// <summary>
        /// Meaning of <see cref="ExceptionCode"/> for logs (see <see cref="ModbusExceptionCodes.Meaning"/>); "none" when
        /// there is no exception.
        /// </summary>
        public string ExceptionMeaning
        {
            get { return ExceptionCode == 0 ? "none" : ModbusExceptionCodes.Meaning(ExceptionCode); }
        }

        /// <summary>
        /// Marks a finished outcome as read: back to <see cref="ModbusRequestState.Idle"/> with no exception code. Does
        /// nothing while the request is queued or in flight.
        /// </summary>
        public void Acknowledge()
        {
            if (IsFinished)
            {
                State = ModbusRequestState.Idle;
                ExceptionCode = 0;
            }
        }
    }
}
