namespace Wallbox.Drivers.Modbus
{
    /// <summary>
    /// The Modbus function codes the master speaks: reads for meter polling, writes for the few meters that need
    /// configuring (MODBUS Application Protocol Specification V1.1b3 §6).
    /// </summary>
    public enum ModbusFunction : byte
    {
        /// <summary>0x03 Read Holding Registers (V1.1b3 §6.3): 1..125 registers.</summary>
        ReadHoldingRegisters = 3,

        /// <summary>0x04 Read Input Registers (V1.1b3 §6.4): 1..125 registers.</summary>
        ReadInputRegisters = 4,

        /// <summary>0x06 Write Single Register (V1.1b3 §6.6): one register, the response echoes the request.</summary>
        WriteSingleRegister = 6,

        /// <summary>0x10 Write Multiple Registers (V1.1b3 §6.12): 1..123 registers, the response echoes address and quantity.</summary>
        WriteMultipleRegisters = 16,
    }
}
