using System;
using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>
/// DESFire EV1 session-key byte selection. No published RndA/RndB/session-key triple was found in the available
/// references, so these vectors are hand-built (counting bytes make each selected position visible).
/// </summary>
public sealed class SessionKeysTests
{
    private static readonly byte[] RndA = Hex.Bytes("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF");
    private static readonly byte[] RndB = Hex.Bytes("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF");

    [Fact]
    public void AES_session_key_is_RndA_0_to_3_RndB_0_to_3_RndA_12_to_15_RndB_12_to_15_hand_built_vector()
    {
        byte[] key = new byte[16];
        SessionKeys.Aes(RndA, RndB, key);
        Assert.Equal("A0A1A2A3B0B1B2B3ACADAEAFBCBDBEBF", Hex.Of(key));
    }

    [Fact]
    public void Two_key_TDES_session_key_is_RndA_0_to_3_RndB_0_to_3_RndA_4_to_7_RndB_4_to_7_hand_built_vector()
    {
        byte[] key = new byte[16];
        SessionKeys.TwoKeyTripleDes(RndA, RndB, key);
        Assert.Equal("A0A1A2A3B0B1B2B3A4A5A6A7B4B5B6B7", Hex.Of(key));
    }

    [Fact]
    public void Three_key_TDES_session_key_takes_bytes_0_to_3_6_to_9_and_12_to_15_hand_built_vector()
    {
        byte[] key = new byte[24];
        SessionKeys.ThreeKeyTripleDes(RndA, RndB, key);
        Assert.Equal("A0A1A2A3B0B1B2B3A6A7A8A9B6B7B8B9ACADAEAFBCBDBEBF", Hex.Of(key));
    }

    [Fact]
    public void Short_buffers_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SessionKeys.Aes(RndA, new byte[8], new byte[16]));
    }
}
