using System;
using System.Collections.Generic;
using System.Linq;
using Wallbox.Drivers.Meters;

namespace Wallbox.Drivers.Tests.Meters;

/// <summary>
/// A meter's register memory for tests: values are hand-encoded into 16-bit words exactly as the datasheets describe
/// them, then read back through a poll plan the way the Modbus master delivers answers (one ushort per register).
/// </summary>
internal sealed class RegisterImage
{
    private readonly Dictionary<(byte Function, int Address), ushort> _words = new();

    /// <summary>Addresses a plan read that no value was put at (gaps).</summary>
    public List<(byte Function, int Address)> UnsetReads { get; } = new();

    public RegisterImage Words(byte function, int address, params ushort[] words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            _words[(function, address + i)] = words[i];
        }

        return this;
    }

    public RegisterImage Float(byte function, int address, float value, WordOrder order = WordOrder.HighWordFirst)
        => Bits32(function, address, (uint)BitConverter.SingleToInt32Bits(value), order);

    public RegisterImage Bits32(byte function, int address, uint bits, WordOrder order)
    {
        ushort high = (ushort)(bits >> 16), low = (ushort)bits;
        return order == WordOrder.HighWordFirst ? Words(function, address, high, low) : Words(function, address, low, high);
    }

    public RegisterImage Int32(byte function, int address, int value, WordOrder order) => Bits32(function, address, (uint)value, order);

    public RegisterImage Bits64(byte function, int address, ulong bits, WordOrder order)
    {
        var words = new ushort[4];
        for (int i = 0; i < 4; i++)
        {
            words[i] = (ushort)(bits >> (48 - 16 * i));
        }

        if (order == WordOrder.LowWordFirst)
        {
            Array.Reverse(words);
        }

        return Words(function, address, words);
    }

    /// <summary>Answers every request of <paramref name="plan"/> from this image.</summary>
    public ushort[][] Answer(MeterPollPlan plan)
    {
        var answers = new ushort[plan.Requests.Length][];
        for (int r = 0; r < plan.Requests.Length; r++)
        {
            MeterPollRequest request = plan.Requests[r];
            answers[r] = new ushort[request.Count];
            for (int i = 0; i < request.Count; i++)
            {
                var key = (request.FunctionCode, request.StartAddress + i);
                if (!_words.TryGetValue(key, out answers[r][i]))
                {
                    UnsetReads.Add(key);
                }
            }
        }

        return answers;
    }

    /// <summary>Polls <paramref name="map"/> (serial number included) and decodes <paramref name="quantity"/>; null when refused.</summary>
    public long? Read(MeterRegisterMap map, MeterQuantity quantity)
    {
        MeterPollPlan plan = map.PlanPolls(8, includeSerialNumber: true)!;
        ushort[][] answers = Answer(plan);
        int index = map.IndexOf(quantity);
        Assert.True(index >= 0, $"{map.Name} has no {quantity}");
        Assert.True(plan.TryLocate(index, out int request, out int offset));
        return MeterDecoder.TryDecode(map.Registers[index], answers[request], offset, out long value) ? value : null;
    }
}
