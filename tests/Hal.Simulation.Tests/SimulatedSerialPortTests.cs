using System.Collections.Generic;

namespace Wallbox.Hal.Simulation.Tests;

public sealed class SimulatedSerialPortTests
{
    private static readonly SerialSettings Modbus9600 = new SerialSettings(9600, 8, SerialParity.Even, SerialStopBits.One);

    private readonly VirtualClock _clock = new VirtualClock();
    private readonly SimulatedSerialPort _port;
    private readonly RecordingPeer _peer = new RecordingPeer();

    public SimulatedSerialPortTests()
    {
        _port = new SimulatedSerialPort(_clock, receiveBufferCapacity: 8) { Peer = _peer };
        Assert.True(_port.Open(Modbus9600));
    }

    [Fact]
    public void A_character_at_9600_8E1_takes_11_bit_times()
    {
        Assert.Equal(11, Modbus9600.BitsPerCharacter);
        Assert.Equal(1146, Modbus9600.CharacterTimeUs); // 11 / 9600 s, rounded up
    }

    [Fact]
    public void Written_bytes_reach_the_peer_one_character_time_apart_while_the_driver_is_enabled()
    {
        Assert.True(_port.Write(new byte[] { 1, 2, 3 }, 0, 3));
        Assert.True(_port.IsTransmitting);

        Advance(3 * 1146);

        Assert.Equal(new (byte, long)[] { (1, 1146), (2, 2292), (3, 3438) }, _peer.Received);
        Assert.False(_port.IsTransmitting);
    }

    [Fact]
    public void Peer_answers_arrive_with_line_timing_and_a_last_byte_timestamp()
    {
        _port.PeerWrite(new byte[] { 0x11, 0x22 }, 0, 2);
        Advance(1146);
        Assert.Equal(1, _port.BytesToRead);

        Advance(1146);
        var buffer = new byte[4];
        Assert.Equal(2, _port.Read(buffer, 0, 4));
        Assert.Equal(new byte[] { 0x11, 0x22, 0, 0 }, buffer);
        Assert.Equal(2292, _port.LastReceiveUs);
    }

    [Fact]
    public void Bytes_beyond_the_receive_buffer_are_dropped_and_counted()
    {
        _port.PeerWrite(new byte[12], 0, 12);
        Advance(12 * 1146);

        Assert.Equal(8, _port.BytesToRead);
        Assert.Equal(4, _port.ReceiveOverflowCount);
    }

    [Fact]
    public void A_peer_with_other_line_settings_sees_damaged_characters_and_sends_garbage()
    {
        _port.PeerSettings = new SerialSettings(19200, 8, SerialParity.None, SerialStopBits.One);
        _port.Write(new byte[] { 0x01 }, 0, 1);
        _port.PeerWrite(new byte[] { 0x01 }, 0, 1);
        Advance(2000);

        Assert.False(_peer.Intact[0]);
        var buffer = new byte[1];
        _port.Read(buffer, 0, 1);
        Assert.NotEqual(0x01, buffer[0]);
    }

    [Fact]
    public void A_frame_larger_than_the_transmit_buffer_is_refused_whole()
    {
        Assert.False(_port.Write(new byte[_port.TransmitBufferCapacity + 1], 0, _port.TransmitBufferCapacity + 1));
        Advance(10_000);

        Assert.Empty(_peer.Received);
    }

    [Fact]
    public void Open_rejects_impossible_settings()
    {
        Assert.False(_port.Open(new SerialSettings(0, 8, SerialParity.None, SerialStopBits.One)));
        Assert.False(_port.Open(new SerialSettings(9600, 9, SerialParity.None, SerialStopBits.One)));
    }

    private void Advance(long us)
    {
        for (long i = 0; i < us; i++)
        {
            _clock.AdvanceUs(1);
            _port.Advance(_clock.NowUs);
        }
    }

    private sealed class RecordingPeer : ISerialPeer
    {
        public List<(byte, long)> Received { get; } = new List<(byte, long)>();

        public List<bool> Intact { get; } = new List<bool>();

        public void OnCharacter(byte value, bool intact, long atUs)
        {
            Received.Add((value, atUs));
            Intact.Add(intact);
        }
    }
}
