using System;
using System.Collections.Generic;
using Wallbox.Drivers.IsoDep;
using Wallbox.Hal.Simulation;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>
/// An <see cref="IApduExchange"/> straight onto a simulated card application (no RF, no ISO-DEP blocks): the command
/// is handed to <see cref="IIsoDepCardApplication.Process"/> one poll after it was started (one tick of latency), with
/// fault injection for the next response.
/// </summary>
internal sealed class InMemoryApduExchange : IApduExchange
{
    private readonly IIsoDepCardApplication _card;
    private readonly byte[] _pending = new byte[300];
    private readonly byte[] _cardResponse = new byte[600];
    private int _pendingLength;
    private bool _busy;
    private bool _answered;

    public InMemoryApduExchange(IIsoDepCardApplication card)
    {
        _card = card;
    }

    public int MaxCommandLength => 255;

    public int MaxResponseLength => 512;

    public byte[] ResponseBuffer { get; } = new byte[512];

    public int ResponseLength { get; private set; }

    public List<string> Trace { get; } = new();

    /// <summary>Exchange number (0-based) whose response gets byte <see cref="CorruptIndex"/> flipped (-1 none).</summary>
    public int CorruptExchange { get; set; } = -1;

    /// <summary>Index in the response to flip; negative counts from the end.</summary>
    public int CorruptIndex { get; set; } = -1;

    /// <summary>Exchange number whose response loses <see cref="TruncateBy"/> bytes (-1 none).</summary>
    public int TruncateExchange { get; set; } = -1;

    public int TruncateBy { get; set; } = 1;

    /// <summary>Exchange number that gets no answer: the link reports Failed (-1 none).</summary>
    public int FailExchange { get; set; } = -1;

    /// <summary>Exchange number from which the card never answers (stays Busy) (-1 none).</summary>
    public int HangExchange { get; set; } = -1;

    public int ExchangeCount { get; private set; }

    public bool StartExchange(byte[] command, int offset, int count, long nowMs)
    {
        if (_busy || count < 1 || count > MaxCommandLength)
        {
            return false;
        }

        Array.Copy(command, offset, _pending, 0, count);
        _pendingLength = count;
        _busy = true;
        _answered = false;
        return true;
    }

    public ApduExchangeStatus Poll(long nowMs)
    {
        if (!_busy)
        {
            return ApduExchangeStatus.Idle;
        }

        int number = ExchangeCount;
        if (!_answered)
        {
            _answered = true; // one tick of latency
            return ApduExchangeStatus.Busy;
        }

        if (number == HangExchange || (HangExchange >= 0 && number > HangExchange))
        {
            return ApduExchangeStatus.Busy;
        }

        ExchangeCount++;
        _busy = false;
        if (number == FailExchange)
        {
            Trace.Add(">" + Convert.ToHexString(_pending, 0, _pendingLength) + " <(no answer)");
            return ApduExchangeStatus.Failed;
        }

        int length = _card.Process(_pending, 0, _pendingLength, _cardResponse);
        if (number == TruncateExchange)
        {
            length = Math.Max(0, length - TruncateBy);
        }

        Array.Copy(_cardResponse, ResponseBuffer, length);
        if (number == CorruptExchange)
        {
            int index = CorruptIndex < 0 ? length + CorruptIndex : CorruptIndex;
            ResponseBuffer[index] ^= 0x01;
        }

        ResponseLength = length;
        Trace.Add(">" + Convert.ToHexString(_pending, 0, _pendingLength) + " <" + Convert.ToHexString(ResponseBuffer, 0, length));
        return ApduExchangeStatus.Done;
    }
}
