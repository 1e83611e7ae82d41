namespace Wallbox.Drivers.Modbus
{
    /// <summary>
    /// Layout of RTU frames (ADUs): slave address, PDU (function code + data, MODBUS Application Protocol V1.1b3 §4.1
    /// and §6), CRC low byte then high byte (MODBUS over Serial Line V1.02 §2.5.1.2). Encodes requests and checks the
    /// pieces of responses, in caller-owned buffers.
    /// </summary>
    internal static class ModbusRtuFrame
    {
        /// <summary>Largest RTU frame: 1 address + 253 PDU + 2 CRC bytes (Serial Line V1.02 §2.5.1, V1.1b3 §4.1).</summary>
        internal const int MaxFrameBytes = 256;

        /// <summary>Exception response: address, function | 0x80, exception code, CRC (V1.1b3 §7).</summary>
        internal const int ExceptionResponseBytes = 5;

        /// <summary>Write responses (06 and 16): address, function, 2 address bytes, 2 value/quantity bytes, CRC (§6.6, §6.12).</summary>
        internal const int WriteResponseBytes = 8;

        /// <summary>Bytes a read response has around its data: address, function, byte count, CRC (§6.3, §6.4).</summary>
        internal const int ReadResponseOverheadBytes = 5;

        /// <summary>Set in the function code of an exception response (V1.1b3 §7).</summary>
        internal const int ExceptionFlag = 0x80;

        /// <summary>Highest individual slave address; 0 is broadcast, 248..255 are reserved (Serial Line V1.02 §2.2).</summary>
        internal const int MaxSlaveAddress = 247;

        /// <summary>Most registers one Write Multiple Registers request can carry (V1.1b3 §6.12: 1 to 0x7B).</summary>
        internal const int MaxWriteRegisters = 123;

        /// <summary>Register addresses are 16 bits on the wire; a block must not run past the last one.</summary>
        private const int RegisterAddressSpace = 0x10000;

        /// <summary>True for the read functions (03, 04), whose response carries a byte count and data.</summary>
        internal static bool IsRead(ModbusFunction function)
        {
            return function == ModbusFunction.ReadHoldingRegisters || function == ModbusFunction.ReadInputRegisters;
        }

        /// <summary>True when the master can send <paramref name="request"/>: known function, quantity and address in range.</summary>
        internal static bool IsValid(ModbusRequest request)
        {
            if (request.SlaveAddress < 1 || request.SlaveAddress > MaxSlaveAddress)
            {
                return false;
            }

            int maxCount;
            switch (request.Function)
            {
                case ModbusFunction.ReadHoldingRegisters:
                case ModbusFunction.ReadInputRegisters:
                    maxCount = ModbusRequest.MaxRegisters;
                    break;
                case ModbusFunction.WriteSingleRegister:
                    maxCount = 1;
                    break;
                case ModbusFunction.WriteMultipleRegisters:
                    maxCount = MaxWriteRegisters;
                    break;
                default:
                    return false;
            }

            return request.Count >= 1 && request.Count <= maxCount
                && request.Address >= 0 && request.Address + request.Count <= RegisterAddressSpace;
        }

        /// <summary>Writes the request ADU of a valid <paramref name="request"/> into <paramref name="frame"/>; returns its length.</summary>
        internal static int EncodeRequest(ModbusRequest request, byte[] frame)
        {
            frame[0] = request.SlaveAddress;
            frame[1] = (byte)request.Function;
            frame[2] = (byte)(request.Address >> 8);
            frame[3] = (byte)request.Address;
            int length;
            if (request.Function == ModbusFunction.WriteSingleRegister)
            {
                // §6.6: the register value itself follows the address.
                ushort value = request.Registers[0];
                frame[4] = (byte)(value >> 8);
                frame[5] = (byte)value;
                length = 6;
            }
            else
            {
                // §6.3/§6.4/§6.12: quantity of registers.
                frame[4] = (byte)(request.Count >> 8);
                frame[5] = (byte)request.Count;
                length = 6;
                if (request.Function == ModbusFunction.WriteMultipleRegisters)
                {
                    // §6.12: byte count, then the values high byte first.
                    frame[6] = (byte)(request.Count * 2);
                    length = 7;
                    for (int i = 0; i < request.Count; i++)
                    {
                        ushort value = request.Registers[i];
                        frame[length] = (byte)(value >> 8);
                        frame[length + 1] = (byte)value;
                        length += 2;
                    }
                }
            }

            return AppendCrc(frame, length);
        }

        /// <summary>Appends the CRC, low byte first (Serial Line V1.02 §2.5.1.2); returns the new length.</summary>
        internal static int AppendCrc(byte[] frame, int length)
        {
            ushort crc = ModbusCrc16.Compute(frame, 0, length);
            frame[length] = (byte)crc;
            frame[length + 1] = (byte)(crc >> 8);
            return length + 2;
        }

        /// <summary>True when the last two bytes of the <paramref name="length"/>-byte frame are the CRC of the rest.</summary>
        internal static bool HasValidCrc(byte[] frame, int length)
        {
            ushort crc = ModbusCrc16.Compute(frame, 0, length - 2);
            return frame[length - 2] == (byte)crc && frame[length - 1] == (byte)(crc >> 8);
        }

        /// <summary>Copies the data of a checked read response into the request's registers (big-endian words, §6.3).</summary>
        internal static void DecodeRegisters(byte[] frame, ModbusRequest request)
        {
            for (int i = 0; i < request.Count; i++)
            {
                request.Registers[i] = (ushort)((frame[3 + (2 * i)] << 8) | frame[4 + (2 * i)]);
            }
        }

        /// <summary>
        /// True when a checked write response echoes the request: slave, function, address, and the value (06, §6.6)
        /// or the quantity (16, §6.12) — the first six bytes of both frames.
        /// </summary>
        internal static bool EchoMatches(byte[] response, byte[] request)
        {
            for (int i = 0; i < 6; i++)
            {
                if (response[i] != request[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
