using Wallbox.Firmware.Config;
using Wallbox.Firmware.Rfid;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Rfid;

/// <summary>RfidIdTagByteOrder and RfidIdTagFormat choose the idTag format (WBX-14, WBX-15c, CPL-33).</summary>
public sealed class RfidConfigKeysTests
{
    [Fact]
    public void By_default_the_idTag_is_uppercase_hex_in_transmission_order()
    {
        IdTagFormat format = RfidConfigKeys.Format(Load());

        Assert.Equal(IdTagByteOrder.AsTransmitted, format.ByteOrder);
        Assert.Equal(IdTagNotation.Hex, format.Notation);
    }

    [Fact]
    public void Reversed_and_Decimal_are_taken_at_once_without_a_reboot()
    {
        ConfigurationStore store = Load();
        Assert.Equal(ConfigChangeStatus.Accepted, store.TrySet(RfidConfigKeys.RfidIdTagByteOrder, "Reversed", out _));
        Assert.Equal(ConfigChangeStatus.Accepted, store.TrySet(RfidConfigKeys.RfidIdTagFormat, "Decimal", out _));

        IdTagFormat format = RfidConfigKeys.Format(store);

        Assert.Equal(IdTagByteOrder.Reversed, format.ByteOrder);
        Assert.Equal(IdTagNotation.Decimal, format.Notation);
    }

    [Theory]
    [InlineData(RfidConfigKeys.RfidIdTagByteOrder, "LittleEndian")]
    [InlineData(RfidConfigKeys.RfidIdTagFormat, "Octal")]
    public void Other_values_are_rejected(string key, string value)
    {
        Assert.Equal(ConfigChangeStatus.Rejected, Load().TrySet(key, value, out _));
    }

    private static ConfigurationStore Load()
    {
        var clock = new VirtualClock();
        var files = new SimulatedFileStore();
        var store = new ConfigurationStore(files, @"I:\config");
        RfidConfigKeys.Declare(store);
        store.StartLoad();
        for (int i = 0; i < 100 && !store.IsLoaded; i++)
        {
            clock.AdvanceMs(1);
            files.Advance(clock.NowUs);
            store.Tick(clock.NowMs);
        }

        Assert.True(store.IsLoaded);
        return store;
    }
}
