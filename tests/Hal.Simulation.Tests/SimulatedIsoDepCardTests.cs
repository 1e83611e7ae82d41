using System;
using Wallbox.Hal.Simulation;

namespace Wallbox.Hal.Simulation.Tests;

/// <summary>
/// The simulated card side of ISO/IEC 14443-4:2008 driven with raw frames: ATS (5.2), PICC block numbering and
/// block handling rules (7.5.3 Rules C to E, 7.5.4.3 Rules 10 to 13), S(DESELECT) (clause 8), and the power-up rules
/// of the ISO/IEC 14443-3 layer.
/// </summary>
public sealed class SimulatedIsoDepCardTests
{
    private readonly EchoApplication _app = new EchoApplication();
    private readonly byte[] _answer = new byte[300];

    [Fact]
    public void The_default_ATS_is_that_of_a_DESFire_EV1_06_75_77_81_02_80_ISO_IEC_14443_4_5_2()
    {
        Assert.Equal("067577810280", Convert.ToHexString(new VirtualCard(new byte[7], "card").Ats()));
        Assert.Equal("0578777802", Convert.ToHexString(new VirtualCard(new byte[7], "card") { Fsci = 8, Fwi = 7, Sfgi = 8, HistoricalBytes = Array.Empty<byte>() }.Ats()));
        Assert.Equal("01", Convert.ToHexString(new VirtualCard(new byte[7], "card") { RawAts = new byte[] { 0x01 } }.Ats()));
    }

    [Fact]
    public void The_anticollision_UID_is_taken_once_per_power_up()
    {
        var card = new RandomUidCard();

        var layer = new SimulatedIso14443Card(card);
        Receive(layer, new byte[] { 0x26 }, 7);
        Receive(layer, new byte[] { 0x52 }, 7);

        Assert.Equal(1, card.Calls);
        Assert.Equal(0x08, layer.Uid[0]);
        var next = new SimulatedIso14443Card(card); // the next power-up
        Assert.Equal(2, card.Calls);
        Assert.NotEqual(Convert.ToHexString(layer.Uid), Convert.ToHexString(next.Uid));
    }

    [Fact]
    public void RATS_in_ACTIVE_is_answered_with_the_ATS_and_the_card_enters_the_PROTOCOL_state_ISO_IEC_14443_4_5_1()
    {
        SimulatedIso14443Card layer = ActiveCard();

        int bits = layer.Receive(WithCrc(0xE0, 0x50), 32, _answer, 0);

        Assert.Equal(8 * 8, bits);
        Assert.Equal("067577810280", Convert.ToHexString(_answer, 0, 6));
        Assert.True(layer.IsInProtocolState);
        Assert.Equal(64, layer.IsoDep.ReaderFrameSize);
    }

    [Fact]
    public void The_card_block_number_starts_at_1_and_toggles_on_every_I_block_Rules_C_and_D()
    {
        SimulatedIso14443Card layer = ProtocolCard();

        Assert.Equal(0x02, Block(layer, 0x02, 0x11)[0]); // I(0) → I(0)
        Assert.Equal(0x03, Block(layer, 0x03, 0x12)[0]); // I(1) → I(1)
        Assert.Equal("12", Convert.ToHexString(_answer, 1, 1));
    }

    [Fact]
    public void R_NAK_with_the_card_block_number_gets_the_last_block_again_and_with_the_other_number_R_ACK_Rules_11_and_12()
    {
        SimulatedIso14443Card layer = ProtocolCard();
        byte[] response = Block(layer, 0x02, 0x33); // card now at block number 0

        Assert.Equal(Convert.ToHexString(response), Convert.ToHexString(Block(layer, 0xB2))); // R(NAK 0): re-sent
        Assert.Equal("A2", Convert.ToHexString(Block(layer, 0xB3), 0, 1)); // R(NAK 1): R(ACK 0)
        Assert.Equal(1, layer.IsoDep.BlocksResent);
    }

    [Fact]
    public void A_frame_with_a_CRC_error_or_longer_than_FSC_is_ignored()
    {
        SimulatedIso14443Card layer = ProtocolCard();
        byte[] frame = WithCrc(0x02, 0x44);
        frame[^1] ^= 0x01;

        Assert.Equal(0, layer.Receive(frame, frame.Length * 8, _answer, 10_000));
        var block = new byte[63]; // PCB + 62 bytes of INF + CRC_A = 65 > FSC 64
        block[0] = 0x02;
        byte[] tooLong = WithCrc(block);
        Assert.Equal(0, layer.Receive(tooLong, tooLong.Length * 8, _answer, 10_000));
        Assert.Equal(2, layer.IsoDep.FramesIgnored);
    }

    [Fact]
    public void S_DESELECT_is_answered_and_sends_the_card_to_HALT_resetting_its_application_ISO_IEC_14443_4_8()
    {
        SimulatedIso14443Card layer = ProtocolCard();

        Assert.Equal("C2", Convert.ToHexString(Block(layer, 0xC2), 0, 1));

        Assert.True(layer.IsHalted);
        Assert.Equal(1, _app.Resets);
        Assert.Equal(16, layer.Receive(new byte[] { 0x52 }, 7, _answer, 20_000)); // WUPA wakes it
    }

    [Fact]
    public void Leaving_the_field_resets_the_application()
    {
        SimulatedIso14443Card layer = ProtocolCard();

        layer.PowerOff();

        Assert.Equal(1, _app.Resets);
    }

    private SimulatedIso14443Card ActiveCard()
    {
        var layer = new SimulatedIso14443Card(new AppCard(_app));
        Receive(layer, new byte[] { 0x26 }, 7);
        for (int level = 0; level < 2; level++)
        {
            byte sel = level == 0 ? (byte)0x93 : (byte)0x95;
            int bits = layer.Receive(new byte[] { sel, 0x20 }, 16, _answer, 0);
            Assert.Equal(40, bits);
            byte[] select = WithCrc(sel, 0x70, _answer[0], _answer[1], _answer[2], _answer[3], _answer[4]);
            Assert.Equal(24, layer.Receive(select, 72, _answer, 0));
        }

        Assert.True(layer.IsActive);
        return layer;
    }

    private SimulatedIso14443Card ProtocolCard()
    {
        SimulatedIso14443Card layer = ActiveCard();
        layer.Receive(WithCrc(0xE0, 0x50), 32, _answer, 0);
        return layer;
    }

    private byte[] Block(SimulatedIso14443Card layer, params byte[] block)
    {
        byte[] frame = WithCrc(block);
        int bits = layer.Receive(frame, frame.Length * 8, _answer, 10_000);
        return _answer.AsSpan(0, bits / 8).ToArray();
    }

    private int Receive(SimulatedIso14443Card layer, byte[] frame, int bits) => layer.Receive(frame, bits, _answer, 0);

    private static byte[] WithCrc(params byte[] data)
    {
        var frame = new byte[data.Length + 2];
        data.CopyTo(frame, 0);
        int crc = SimulatedCrcA.Compute(data, 0, data.Length);
        frame[^2] = (byte)crc;
        frame[^1] = (byte)(crc >> 8);
        return frame;
    }

    private sealed class EchoApplication : IIsoDepCardApplication
    {
        public int Resets { get; private set; }

        public int LastCommandExtraFrameWaitingTimes => 0;

        public int Process(byte[] command, int offset, int count, byte[] response)
        {
            Array.Copy(command, offset, response, 0, count);
            return count;
        }

        public void Reset() => Resets++;
    }

    private sealed class AppCard : VirtualCard
    {
        private readonly IIsoDepCardApplication _app;

        public AppCard(IIsoDepCardApplication app)
            : base(new byte[] { 0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66 }, "ISO-DEP card")
        {
            _app = app;
            Sak = 0x20;
        }

        public override IIsoDepCardApplication IsoDepApplication => _app;
    }

    private sealed class RandomUidCard : VirtualCard
    {
        private readonly Random _random = new Random(7);

        public RandomUidCard()
            : base(new byte[] { 0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66 }, "random-ID card")
        {
        }

        public int Calls { get; private set; }

        public override byte[] AnticollisionUid()
        {
            Calls++;
            var uid = new byte[4];
            _random.NextBytes(uid);
            uid[0] = 0x08;
            return uid;
        }
    }
}
