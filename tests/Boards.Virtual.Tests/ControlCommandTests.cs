using Wallbox.Boards.Virtual.Control;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>The control grammar: one command per line, command words case-insensitive, arguments as typed.</summary>
public sealed class ControlCommandTests
{
    [Theory]
    [InlineData("plug", ControlCommandKind.Plug)]
    [InlineData("  UNPLUG  ", ControlCommandKind.Unplug)]
    [InlineData("s2 close", ControlCommandKind.S2Close)]
    [InlineData("s2\topen", ControlCommandKind.S2Open)]
    [InlineData("S2 Auto", ControlCommandKind.S2Auto)]
    [InlineData("rcd clear", ControlCommandKind.RcdClear)]
    [InlineData("power off", ControlCommandKind.PowerOff)]
    [InlineData("power on", ControlCommandKind.PowerOn)]
    [InlineData("status", ControlCommandKind.Status)]
    [InlineData("help", ControlCommandKind.Help)]
    [InlineData("quit", ControlCommandKind.Quit)]
    public void Commands_without_arguments_parse(string line, ControlCommandKind kind)
    {
        Assert.True(ControlCommand.TryParse(line, out ControlCommand command, out string error), error);
        Assert.Equal(kind, command.Kind);
    }

    [Fact]
    public void Card_takes_the_rest_of_the_line_as_the_idTag()
    {
        Assert.True(ControlCommand.TryParse("card 04A1B2C3D4E5F6", out ControlCommand command, out _));
        Assert.Equal(ControlCommandKind.Card, command.Kind);
        Assert.Equal("04A1B2C3D4E5F6", command.Argument);
    }

    [Theory]
    [InlineData("tap 04a1b2c3", "04A1B2C3", TapCardKind.Uid)]
    [InlineData("tap 04A1B2C3 uid", "04A1B2C3", TapCardKind.Uid)]
    [InlineData("TAP 04123456789ABC", "04123456789ABC", TapCardKind.Uid)]
    [InlineData("tap 04123456789abc desfire", "04123456789ABC", TapCardKind.Desfire)]
    [InlineData("tap 04123456789ABC Clone", "04123456789ABC", TapCardKind.Clone)]
    [InlineData("tap\t04123456789ABC\tRANDOM", "04123456789ABC", TapCardKind.Random)]
    [InlineData("tap 0102030405060708090A", "0102030405060708090A", TapCardKind.Uid)]
    public void Tap_takes_a_hex_UID_and_an_optional_card_kind(string line, string uid, TapCardKind kind)
    {
        Assert.True(ControlCommand.TryParse(line, out ControlCommand command, out string error), error);
        Assert.Equal(ControlCommandKind.Tap, command.Kind);
        Assert.Equal(uid, command.Argument);
        Assert.Equal(kind, command.CardKind);
    }

    [Fact]
    public void Rcd_trip_defaults_to_60_mA_and_takes_a_residual_current()
    {
        Assert.True(ControlCommand.TryParse("rcd trip", out ControlCommand command, out _));
        Assert.Equal(60, command.Number);
        Assert.True(ControlCommand.TryParse("rcd trip 6", out command, out _));
        Assert.Equal(6, command.Number);
    }

    [Fact]
    public void Config_takes_a_key_and_the_rest_of_the_line_as_the_value()
    {
        Assert.True(ControlCommand.TryParse("config MeterValuesSampledData Energy.Active.Import.Register, Power.Active.Import", out ControlCommand command, out _));
        Assert.Equal("MeterValuesSampledData", command.Argument);
        Assert.Equal("Energy.Active.Import.Register, Power.Active.Import", command.Value);

        Assert.True(ControlCommand.TryParse("config UnlockBadgeIdTag \"\"", out command, out _));
        Assert.Equal(string.Empty, command.Value);
    }

    [Theory]
    [InlineData("", "empty command")]
    [InlineData("fly", "unknown command 'fly' (commands: " + ControlCommand.Grammar + ")")]
    [InlineData("plug now", "unexpected 'now' after the command")]
    [InlineData("s2", "s2 needs 'close' or 'open' or 'auto'")]
    [InlineData("s2 wide", "s2 needs 'close' or 'open' or 'auto'")]
    [InlineData("power", "power needs 'off' or 'on'")]
    [InlineData("rcd", "rcd needs 'trip [<mA>]' or 'clear'")]
    [InlineData("rcd trip 5", "rcd trip needs a residual current from 6 to 1000 mA, got '5'")]
    [InlineData("rcd trip lots", "rcd trip needs a residual current from 6 to 1000 mA, got 'lots'")]
    [InlineData("card", "card needs an idTag")]
    [InlineData("tap", "tap needs a UID: 4, 7 or 10 bytes in hex")]
    [InlineData("tap 04A1B2", "tap needs a UID of 4, 7 or 10 bytes in hex (8, 14 or 20 hex digits), got '04A1B2'")]
    [InlineData("tap 04A1B2C3D", "tap needs a UID of 4, 7 or 10 bytes in hex (8, 14 or 20 hex digits), got '04A1B2C3D'")]
    [InlineData("tap 04A1B2CG", "tap needs a UID of 4, 7 or 10 bytes in hex (8, 14 or 20 hex digits), got '04A1B2CG'")]
    [InlineData("tap 88A1B2C3", "a UID cannot start with 88 (the ISO 14443-3 cascade tag)")]
    [InlineData("tap 04A1B2C3 mifare", "tap card kind must be 'uid', 'desfire', 'clone' or 'random', got 'mifare'")]
    [InlineData("tap 04A1B2C3 desfire", "a DESFire EV1 card has a 7-byte UID (14 hex digits), got 4 bytes")]
    [InlineData("tap 0102030405060708090A clone", "a DESFire EV1 card has a 7-byte UID (14 hex digits), got 10 bytes")]
    [InlineData("tap 04123456789ABC desfire now", "unexpected 'now' after the command")]
    [InlineData("get", "get needs a configuration key")]
    [InlineData("get A B", "unexpected 'B' after the command")]
    [InlineData("config MaxCurrentA", "config needs a key and a value (\"\" for the empty value)")]
    public void Bad_lines_are_refused_with_a_one_line_reason(string line, string message)
    {
        Assert.False(ControlCommand.TryParse(line, out ControlCommand command, out string error));
        Assert.Null(command);
        Assert.Equal(message, error);
    }
}
