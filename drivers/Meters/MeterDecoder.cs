namespace Wallbox.Drivers.Meters
{
    /// <summary>
    /// Turns the registers of one quantity into an integer in its target unit (Wh, W, mV, mA, mHz), exactly and without
    /// allocating. Refuses (returns false) what must never reach a bill or a protection: NaN and infinities, the
    /// "invalid" patterns meters use for quantities they do not have, negative energies, voltages or frequencies, and
    /// values that do not fit the target field.
    /// </summary>
    /// <remarks>
    /// <para><b>Float32 energy and precision.</b> A float32 has a 24-bit significand, so a kWh register between 2^k
    /// and 2^(k+1) kWh moves in steps of 2^(k-23) kWh: ≤ 0.49 Wh below 8,192 kWh, 0.98 Wh up to 16,384 kWh,
    /// 1.95 Wh up to 32,768 kWh, 3.9 Wh up to 65,536 kWh, 7.8 Wh up to 131,072 kWh and 62.5 Wh near 1,000,000 kWh.
    /// (The often-quoted 16,777 kWh is 2^24 Wh; for a register counting kWh the step passes 1 Wh at 2^14 = 16,384 kWh.)
    /// No decoding can recover what the meter rounded away; the decoder keeps exactly what the float holds: the value
    /// m·2^e is multiplied by the integer factor of the register and divided with rounding half away from zero, all in
    /// 64-bit integer arithmetic (m &lt; 2^24 and the factor &lt; 2^20, so nothing is lost). This is bit-for-bit what
    /// "multiply as double, then round to Wh" gives (a float times 1000 is exact in a double's 53 bits), without
    /// software double arithmetic on the ESP32, whose FPU is single precision. <see cref="ResolutionAt"/> states the step
    /// at a given reading, so the meter service can compare energies within the meter's resolution.</para>
    /// <para><b>Invalid patterns.</b> ABB (B23/B24 User Manual, 9.3) reads a quantity the meter does not have as all
    /// ones (unsigned) or the largest positive value (signed); Carlo Gavazzi (EM300 series protocol) reads an overflow
    /// ("EEE" on the display) as 7FFFFFFFh. Those patterns are refused for every integer type; a genuine reading at
    /// the very top of a register's range is not plausible on any supported meter.</para>
    /// </remarks>
    public static class MeterDecoder
    {
        /// <summary>
        /// Decodes <paramref name="register"/> from <paramref name="block"/>, whose element <paramref name="offset"/> holds
        /// the register's first word (as a Modbus answer delivers them: one ushort per register, high byte first).
        /// False when the value is refused or the block is too short.
        /// </summary>
        public static bool TryDecode(MeterRegister register, ushort[] block, int offset, out long value)
        {
            value = 0;
            if (register == null || block == null || offset < 0 || offset > block.Length - register.RegisterCount)
            {
                return false;
            }

            long scaled;
            bool ok;
            switch (register.DataType)
            {
                case RegisterDataType.Float32:
                    ok = TryScaleFloat32(Read32(register, block, offset), register.Multiplier, register.Divisor, out scaled);
                    break;
                case RegisterDataType.Int16:
                {
                    ushort raw = block[offset];
                    scaled = 0;
                    ok = raw != 0x7FFF && TryScale((short)raw, register.Multiplier, register.Divisor, out scaled);
                    break;
                }

                case RegisterDataType.UInt16:
                {
                    ushort raw = block[offset];
                    scaled = 0;
                    ok = raw != 0xFFFF && TryScale(raw, register.Multiplier, register.Divisor, out scaled);
                    break;
                }

                case RegisterDataType.Int32:
                {
                    uint raw = Read32(register, block, offset);
                    scaled = 0;
                    ok = raw != 0x7FFFFFFF && TryScale((int)raw, register.Multiplier, register.Divisor, out scaled);
                    break;
                }

                case RegisterDataType.UInt32:
                {
                    uint raw = Read32(register, block, offset);
                    scaled = 0;
                    ok = raw != 0xFFFFFFFF && TryScale(raw, register.Multiplier, register.Divisor, out scaled);
                    break;
                }

                case RegisterDataType.Int64:
                {
                    ulong raw = Read64(register, block, offset);
                    scaled = 0;
                    ok = raw != 0x7FFFFFFFFFFFFFFF && TryScale((long)raw, register.Multiplier, register.Divisor, out scaled);
                    break;
                }

                case RegisterDataType.UInt64:
                {
                    ulong raw = Read64(register, block, offset);
                    scaled = 0;
                    ok = raw <= 0x7FFFFFFFFFFFFFFF && TryScale((long)raw, register.Multiplier, register.Divisor, out scaled);
                    break;
                }

                default:
                    scaled = 0;
                    ok = false;
                    break;
            }

            if (!ok || !InRange(register.Quantity, scaled))
            {
                return false;
            }

            value = scaled;
            return true;
        }

        /// <summary>
        /// Step between two consecutive values of <paramref name="register"/> near <paramref name="value"/> (target unit),
        /// rounded up to a whole target unit (at least 1). Constant for integer registers; for float32 registers it grows
        /// with the magnitude (see the remarks on <see cref="MeterDecoder"/>).
        /// </summary>
        public static long ResolutionAt(MeterRegister register, long value)
        {
            long multiplier = register.Multiplier;
            long divisor = register.Divisor;
            if (register.DataType != RegisterDataType.Float32)
            {
                long step = (multiplier + divisor - 1) / divisor;
                return step < 1 ? 1 : step;
            }

            long magnitude = value < 0 ? (value == long.MinValue ? long.MaxValue : -value) : value;

            // The register's value, floor(magnitude × divisor / multiplier), without overflowing.
            long whole = magnitude / multiplier;
            long rest = magnitude % multiplier;
            long raw = whole > long.MaxValue / divisor ? long.MaxValue : whole * divisor + rest * divisor / multiplier;
            if (raw < 1)
            {
                return 1; // below 1 register unit the float's step is at most 2^-24 units: finer than any target unit here.
            }

            int exponent = 0; // floor(log2(raw)): the float's step there is 2^(exponent - 23) register units.
            while (exponent < 62 && (raw >> (exponent + 1)) != 0)
            {
                exponent++;
            }

            long resolution;
            if (exponent >= 23)
            {
                long numerator = multiplier << (exponent - 23);
                resolution = (numerator + divisor - 1) / divisor;
            }
            else
            {
                long denominator = divisor << (23 - exponent);
                resolution = (multiplier + denominator - 1) / denominator;
            }

            return resolution < 1 ? 1 : resolution;
        }

        private static uint Read32(MeterRegister register, ushort[] block, int offset)
        {
            uint first = block[offset];
            uint second = block[offset + 1];
            return register.WordOrder == WordOrder.HighWordFirst ? (first << 16) | second : (second << 16) | first;
        }

        private static ulong Read64(MeterRegister register, ushort[] block, int offset)
        {
            ulong result = 0;
            for (int i = 0; i < 4; i++)
            {
                int index = register.WordOrder == WordOrder.HighWordFirst ? offset + i : offset + 3 - i;
                result = (result << 16) | block[index];
            }

            return result;
        }

        private static bool TryScale(long raw, long multiplier, long divisor, out long value)
        {
            value = 0;
            bool negative = raw < 0;
            ulong magnitude = negative ? (ulong)(-(raw + 1)) + 1UL : (ulong)raw;
            if (magnitude > 0x7FFFFFFFFFFFFFFFUL / (ulong)multiplier)
            {
                return false;
            }

            long rounded = RoundedQuotient((long)(magnitude * (ulong)multiplier), divisor);
            value = negative ? -rounded : rounded;
            return true;
        }

        private static bool TryScaleFloat32(uint bits, long multiplier, long divisor, out long value)
        {
            value = 0;
            int biasedExponent = (int)((bits >> 23) & 0xFF);
            if (biasedExponent == 0xFF)
            {
                return false; // infinity or NaN (IEEE 754-2008 §3.4)
            }

            long significand = bits & 0x7FFFFF;
            int exponent;
            if (biasedExponent == 0)
            {
                exponent = -149; // zero or subnormal
            }
            else
            {
                significand |= 0x800000;
                exponent = biasedExponent - 150;
            }

            // |value| = significand × 2^exponent register units; target = that × multiplier / divisor.
            long numerator = significand * multiplier; // < 2^24 × 2^20
            long magnitude;
            if (numerator == 0)
            {
                magnitude = 0;
            }
            else if (exponent >= 0)
            {
                if (exponent > 62 || numerator > (long.MaxValue >> exponent))
                {
                    return false;
                }

                magnitude = RoundedQuotient(numerator << exponent, divisor);
            }
            else if (-exponent > 46)
            {
                magnitude = 0; // numerator / 2^47 < 2^-3: rounds to zero
            }
            else
            {
                magnitude = RoundedQuotient(numerator, divisor << -exponent); // divisor ≤ 2^16: fits
            }

            value = (bits & 0x80000000) != 0 ? -magnitude : magnitude;
            return true;
        }

        /// <summary>numerator / denominator for numerator ≥ 0, denominator > 0, rounded half away from zero.</summary>
        private static long RoundedQuotient(long numerator, long denominator)
        {
            long quotient = numerator / denominator;
            long remainder = numerator - quotient * denominator;
            if (remainder >= denominator - remainder)
            {
                quotient++;
            }

            return quotient;
        }

        private static bool InRange(MeterQuantity quantity, long value)
        {
            switch (quantity)
            {
                case MeterQuantity.EnergyImport:
                case MeterQuantity.EnergyExport:
                case MeterQuantity.SerialNumber:
                    return value >= 0;
                case MeterQuantity.VoltageL1:
                case MeterQuantity.VoltageL2:
                case MeterQuantity.VoltageL3:
                case MeterQuantity.Frequency:
                    return value >= 0 && value <= int.MaxValue;
                default:
                    return value >= int.MinValue && value <= int.MaxValue;
            }
        }
    }
}
