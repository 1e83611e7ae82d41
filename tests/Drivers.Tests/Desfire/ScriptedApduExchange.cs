using System;
using Wallbox.Drivers.IsoDep;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>
/// Replays a recorded conversation: each command must equal the next expected one byte for byte (else the exchange
/// fails and <see cref="Mismatch"/> says where); the recorded answer follows one poll later. Allocates nothing while
/// replaying, so allocation of the code under test can be measured.
/// </summary>
internal sealed class ScriptedApduExchange : IApduExchange
{
    private readonly byte[][] _commands;
    private readonly byte[][] _responses;
    private int _index;
    private bool _busy;
    private bool _waited;
    private bool _matches;

    public ScriptedApduExchange(params string[] commandResponsePairs)
    {
        _commands = new byte[commandResponsePairs.Length / 2][];
        _responses = new byte[commandResponsePairs.Length / 2][];
        for (int i = 0; i < _commands.Length; i++)
        {
            _commands[i] = Hex.Bytes(commandResponsePairs[2 * i]);
            _responses[i] = Hex.Bytes(commandResponsePairs[2 * i + 1]);
        }
    }

    public int MaxCommandLength => 255;

    public int MaxResponseLength => 512;

    public byte[] ResponseBuffer { get; } = new byte[512];

    public int ResponseLength { get; private set; }

    public string Mismatch { get; private set; }

    public int Consumed => _index;

    public void Rewind()
    {
        _index = 0;
        _busy = false;
    }

    public bool StartExchange(byte[] command, int offset, int count, long nowMs)
    {
        if (_busy)
        {
            return false;
        }

        _matches = _index < _commands.Length && _commands[_index].Length == count;
        for (int i = 0; _matches && i < count; i++)
        {
            _matches = _commands[_index][i] == command[offset + i];
        }

        if (!_matches && Mismatch == null)
        {
            Mismatch = "command " + _index + " was " + Convert.ToHexString(command, offset, count);
        }

        _busy = true;
        _waited = false;
        return true;
    }

    public ApduExchangeStatus Poll(long nowMs)
    {
        if (!_busy)
        {
            return ApduExchangeStatus.Idle;
        }

        if (!_waited)
        {
            _waited = true;
            return ApduExchangeStatus.Busy;
        }

        _busy = false;
        if (!_matches)
        {
            return ApduExchangeStatus.Failed;
        }

        byte[] response = _responses[_index++];
        Array.Copy(response, ResponseBuffer, response.Length);
        ResponseLength = response.Length;
        return ApduExchangeStatus.Done;
    }
}
