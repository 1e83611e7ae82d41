using System;
using Wallbox.Drivers.IsoDep;

namespace Wallbox.Drivers.Tests.IsoDep;

/// <summary>ATS parsing (ISO/IEC 14443-4:2008 5.2) and the frame sizes and times it codes (5.1, 5.2.5, 7.2, 7.3).</summary>
public sealed class AnswerToSelectTests
{
    private readonly AnswerToSelect _ats = new AnswerToSelect();

    [Fact]
    public void DESFire_EV1_ATS_06_75_77_81_02_80_gives_FSC_64_FWI_8_SFGI_1_CID_and_one_historical_byte_ISO_IEC_14443_4_5_2()
    {
        Assert.True(Parse("067577810280"));

        Assert.Equal(6, _ats.Length);
        Assert.Equal(5, _ats.Fsci);
        Assert.Equal(64, _ats.Fsc);
        Assert.True(_ats.HasTa);
        Assert.Equal(0x77, _ats.Ta);
        Assert.Equal(8, _ats.Fwi);
        Assert.Equal(1, _ats.Sfgi);
        Assert.Equal(77_329, _ats.FrameWaitingTimeUs);
        Assert.Equal(605, _ats.StartupFrameGuardTimeUs);
        Assert.True(_ats.CidSupported);
        Assert.False(_ats.NadSupported);
        Assert.Equal("80", Convert.ToHexString(_ats.HistoricalBytes, 0, _ats.HistoricalLength));
    }

    [Fact]
    public void Minimal_ATS_01_takes_the_defaults_FSC_32_FWI_4_SFGI_0_CID_supported_NAD_not_ISO_IEC_14443_4_5_2()
    {
        Assert.True(Parse("01"));

        Assert.Equal(32, _ats.Fsc);
        Assert.False(_ats.HasTa);
        Assert.Equal(4, _ats.Fwi);
        Assert.Equal(4_834, _ats.FrameWaitingTimeUs);
        Assert.Equal(0, _ats.StartupFrameGuardTimeUs);
        Assert.True(_ats.CidSupported);
        Assert.False(_ats.NadSupported);
        Assert.Equal(0, _ats.HistoricalLength);
    }

    [Theory]
    [InlineData("0208", 256, 4, 0)] // T0 only: FSCI 8, no interface bytes, defaults for TB and TC
    [InlineData("032011", 16, 1, 1)] // TB only: FWI 1, SFGI 1, FSCI 0
    [InlineData("0575778102", 64, 8, 1)] // TA, TB, TC and no historical bytes
    public void Absent_interface_bytes_keep_their_defaults_ISO_IEC_14443_4_5_2_3_to_5_2_6(string hex, int fsc, int fwi, int sfgi)
    {
        Assert.True(Parse(hex));
        Assert.Equal(fsc, _ats.Fsc);
        Assert.Equal(fwi, _ats.Fwi);
        Assert.Equal(sfgi, _ats.Sfgi);
    }

    [Fact]
    public void TC_with_b2_cleared_and_b1_set_means_CID_not_supported_and_NAD_supported_ISO_IEC_14443_4_5_2_6()
    {
        Assert.True(Parse("04400112"));

        Assert.False(_ats.CidSupported);
        Assert.True(_ats.NadSupported);
        Assert.Equal("12", Convert.ToHexString(_ats.HistoricalBytes, 0, _ats.HistoricalLength));
    }

    [Theory]
    [InlineData("")] // nothing
    [InlineData("00")] // TL 0
    [InlineData("067577810280AA")] // one byte more than TL
    [InlineData("05757781")] // TL larger than what came
    [InlineData("02F5")] // T0 b8 set (RFU, 5.2.3)
    [InlineData("0275")] // TA, TB and TC announced by T0, none present
    [InlineData("037577")] // TB and TC announced, missing
    public void Malformed_ATS_is_rejected_and_the_defaults_kept_ISO_IEC_14443_4_5_2(string hex)
    {
        Assert.False(Parse(hex));
        Assert.Equal(32, _ats.Fsc);
        Assert.Equal(4, _ats.Fwi);
    }

    [Fact]
    public void FWI_15_and_SFGI_15_are_RFU_and_read_as_FWI_4_and_no_SFGT_ISO_IEC_14443_4_5_2_5()
    {
        Assert.True(Parse("0325FF"));

        Assert.Equal(4, _ats.Fwi);
        Assert.Equal(0, _ats.StartupFrameGuardTimeUs);
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 24)]
    [InlineData(2, 32)]
    [InlineData(3, 40)]
    [InlineData(4, 48)]
    [InlineData(5, 64)]
    [InlineData(6, 96)]
    [InlineData(7, 128)]
    [InlineData(8, 256)]
    [InlineData(12, 256)] // RFU in the 2008 edition
    public void FSCI_and_FSDI_code_the_frame_sizes_of_ISO_IEC_14443_4_5_1_Table_1(int code, int bytes)
    {
        Assert.Equal(bytes, IsoDepTiming.FrameSize(code));
    }

    [Theory]
    [InlineData(0, 303)]
    [InlineData(4, 4_834)]
    [InlineData(8, 77_329)]
    [InlineData(14, 4_949_032)]
    public void FWT_is_256_x_16_over_fc_times_2_to_the_FWI_rounded_up_ISO_IEC_14443_4_7_2(int fwi, int us)
    {
        Assert.Equal(us, IsoDepTiming.FrameWaitingTimeUs(fwi));
    }

    [Fact]
    public void FWT_temp_is_FWT_times_WTXM_and_no_longer_than_FWT_MAX_ISO_IEC_14443_4_7_3()
    {
        int fwt8 = IsoDepTiming.FrameWaitingTimeUs(8);

        Assert.Equal(fwt8 * 10, IsoDepTiming.ExtendedFrameWaitingTimeUs(fwt8, 10));
        Assert.Equal(fwt8 * 59, IsoDepTiming.ExtendedFrameWaitingTimeUs(fwt8, 59));
        Assert.Equal(IsoDepTiming.FrameWaitingTimeUs(14), IsoDepTiming.ExtendedFrameWaitingTimeUs(IsoDepTiming.FrameWaitingTimeUs(10), 59));
    }

    private bool Parse(string hex)
    {
        byte[] data = Convert.FromHexString(hex);
        return _ats.Parse(data, 0, data.Length);
    }
}
