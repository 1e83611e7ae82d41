using System;
using Wallbox.Drivers.Mfrc522;
using Wallbox.Hal.Simulation;
using Mfrc522Driver = Wallbox.Drivers.Mfrc522.Mfrc522;

namespace Wallbox.Drivers.Tests.Mfrc522;

/// <summary>The MFRC522 driver against the register model (NXP MFRC522 datasheet rev. 3.9).</summary>
public sealed class Mfrc522Tests
{
    private readonly VirtualWallboxHardware _hw = new VirtualWallboxHardware();
    private readonly Mfrc522Driver _chip;

    public Mfrc522Tests()
    {
        _chip = new Mfrc522Driver(_hw.RfidSpi, Mfrc522RxGain.Gain43dB);
    }

    [Fact]
    public void Configure_sets_a_25_ms_timer_100_percent_ASK_CRC_preset_6363h_the_gain_and_the_antenna_on()
    {
        _chip.StartSoftReset();
        Assert.False(_chip.IsResetComplete());
        _hw.Clock.AdvanceMs(1);
        Assert.True(_chip.IsResetComplete());

        _chip.Configure();

        Assert.Equal(0x92, _chip.ReadVersion());
        Assert.Equal(Mfrc522Driver.TimeoutUs, _hw.RfidChip.TimerPeriodUs, 1.0);
        Assert.Equal(0x40, _chip.ReadRegister(Mfrc522Registers.TxASKReg));
        Assert.Equal(0x3D, _chip.ReadRegister(Mfrc522Registers.ModeReg));
        Assert.Equal(Mfrc522RxGain.Gain43dB, _hw.RfidChip.RxGain);
        Assert.True(_hw.RfidChip.AntennaOn);
    }

    [Theory]
    [InlineData(0x91, true)]
    [InlineData(0x92, true)]
    [InlineData(0x88, false)]
    [InlineData(0x00, false)]
    [InlineData(0xFF, false)]
    public void Only_VersionReg_0x91_and_0x92_are_genuine_MFRC522_datasheet_9_3_4_8(int version, bool supported)
    {
        Assert.Equal(supported, Mfrc522Driver.IsSupportedVersion((byte)version));
    }

    [Fact]
    public void Transceive_without_a_card_ends_with_the_timer_after_25_ms_and_never_waits()
    {
        Initialize();
        var reqa = new byte[] { 0x26 };

        Assert.True(_chip.StartTransceive(reqa, 0, 1, 7));
        _hw.Clock.AdvanceMs(24);
        Assert.Equal(Mfrc522Status.Busy, _chip.Poll());
        _hw.Clock.AdvanceMs(2);

        Assert.Equal(Mfrc522Status.Timeout, _chip.Poll());
    }

    [Fact]
    public void REQA_to_a_MIFARE_Classic_card_returns_ATQA_04_00_ISO_IEC_14443_3_6_4_2()
    {
        Initialize();
        _hw.RfidField.Present(VirtualCard.FromHex("A1B2C3D4"));

        _chip.StartTransceive(new byte[] { 0x26 }, 0, 1, 7);
        _hw.Clock.AdvanceMs(1);

        Assert.Equal(Mfrc522Status.Done, _chip.Poll());
        Assert.Equal(2, _chip.ReceivedLength);
        Assert.Equal((0x04, 0x00), (_chip.ReceivedBuffer[0], _chip.ReceivedBuffer[1]));
    }

    [Fact]
    public void Frames_longer_than_the_64_byte_FIFO_are_refused()
    {
        Initialize();

        Assert.False(_chip.StartTransceive(new byte[65], 0, 65, 0));
        Assert.True(_chip.StartTransceive(new byte[64], 0, 64, 0));
    }

    [Fact]
    public void CalcCRC_coprocessor_gives_the_ISO_IEC_14443_3_Annex_B_Crc_A_0xCF26_of_12_34()
    {
        Initialize();

        Assert.True(_chip.StartCrc(new byte[] { 0x12, 0x34 }, 0, 2));

        Assert.Equal(Mfrc522Status.Done, _chip.PollCrc());
        Assert.Equal((0x26, 0xCF), (_chip.CrcLow, _chip.CrcHigh));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(8_458)] // activation FWT + ΔFWT (ISO/IEC 14443-4)
    [InlineData(80_954)] // FWI 8 + ΔFWT
    [InlineData(777_000)]
    [InlineData(4_952_657)] // FWT_MAX + ΔFWT
    [InlineData(Mfrc522Driver.MaxTimeoutUs)]
    public void The_timer_is_programmed_for_a_requested_timeout_never_shorter_and_within_a_tenth_of_a_percent_datasheet_8_5(int timeoutUs)
    {
        Initialize();

        _chip.SetTimeoutUs(timeoutUs);

        Assert.Equal(timeoutUs, _chip.ProgrammedTimeoutUs);
        Assert.InRange(_hw.RfidChip.TimerPeriodUs, timeoutUs, timeoutUs + timeoutUs / 1000 + 1);
    }

    [Fact]
    public void A_frame_with_its_own_timeout_ends_by_the_timer_then_ISO_14443_3_transceive_puts_the_25_ms_back()
    {
        Initialize();
        var frame = new byte[] { 0x02, 0x60, 0x00, 0x00 };

        Assert.True(_chip.StartFrame(frame, 0, frame.Length, 80_954));
        _hw.Clock.AdvanceMs(80);
        Assert.Equal(Wallbox.Drivers.IsoDep.ContactlessFrameStatus.Busy, _chip.PollFrame());
        _hw.Clock.AdvanceMs(2);
        Assert.Equal(Wallbox.Drivers.IsoDep.ContactlessFrameStatus.Timeout, _chip.PollFrame());

        Assert.True(_chip.StartTransceive(new byte[] { 0x26 }, 0, 1, 7));
        Assert.Equal(Mfrc522Driver.TimeoutUs, _hw.RfidChip.TimerPeriodUs, 1.0);
    }

    [Fact]
    public void An_answer_starting_after_the_timeout_is_a_timeout_TAuto_stops_the_timer_only_when_an_answer_starts()
    {
        Initialize();
        _hw.RfidField.Present(VirtualCard.FromHex("A1B2C3D4"));
        _hw.RfidChip.AnswerLatencyUs = 2_000;

        Assert.True(_chip.StartFrame(new byte[] { 0x26 }, 0, 1, 1_000)); // a whole byte: no card answers, but the timer runs
        _hw.Clock.AdvanceMs(3);
        Assert.Equal(Wallbox.Drivers.IsoDep.ContactlessFrameStatus.Timeout, _chip.PollFrame());

        _chip.StartTransceive(new byte[] { 0x26 }, 0, 1, 7); // REQA answered 2 ms later, within 25 ms
        _hw.Clock.AdvanceMs(3);
        Assert.Equal(Mfrc522Status.Done, _chip.Poll());
        Assert.Equal(1, _hw.RfidChip.TimeoutCount);
    }

    private void Initialize()
    {
        _chip.StartSoftReset();
        _hw.Clock.AdvanceMs(1);
        Assert.True(_chip.IsResetComplete());
        _chip.Configure();
    }
}
