using System;
using System.Globalization;
using Wallbox.Hal.Simulation;

namespace Wallbox.Boards.Virtual.Control;

/// <summary>What a control command does.</summary>
public enum ControlCommandKind
{
    /// <summary><c>plug</c>: the user plugs the cable into the socket and the EV (state B).</summary>
    Plug,

    /// <summary><c>unplug</c>: the user unplugs the cable (state A).</summary>
    Unplug,

    /// <summary><c>s2 close</c>: the EV requests energy (state C); S2 is then under manual control.</summary>
    S2Close,

    /// <summary><c>s2 open</c>: the EV stops requesting energy (back to state B); S2 is then under manual control.</summary>
    S2Open,

    /// <summary><c>s2 auto</c>: the EV drives S2 itself again (closes it when offered current, the default).</summary>
    S2Auto,

    /// <summary><c>card &lt;idTag&gt;</c>: a card with that UID is presented.</summary>
    Card,

    /// <summary><c>tap &lt;UID&gt; [uid|desfire|clone|random]</c>: an emulated card is held to the reader for a second.</summary>
    Tap,

    /// <summary><c>rcd trip [&lt;mA&gt;]</c>: a DC residual current flows (default <see cref="ControlCommand.DefaultLeakageMa"/>).</summary>
    RcdTrip,

    /// <summary><c>rcd clear</c>: the residual current stops.</summary>
    RcdClear,

    /// <summary><c>power off</c>: the mains is cut (board and charging circuit).</summary>
    PowerOff,

    /// <summary><c>power on</c>: the mains returns (the firmware boots).</summary>
    PowerOn,

    /// <summary><c>status</c>: one status line.</summary>
    Status,

    /// <summary><c>config &lt;KEY&gt; &lt;VALUE&gt;</c>: changes a configuration key as the central system would.</summary>
    Config,

    /// <summary><c>get &lt;KEY&gt;</c>: reads a configuration key.</summary>
    Get,

    /// <summary><c>help</c>: the command list.</summary>
    Help,

    /// <summary><c>quit</c>: stops the virtual wallbox cleanly.</summary>
    Quit,
}

/// <summary>
/// One line of the virtual wallbox's control interface (standard input or <c>POST /command</c>), parsed. Words are
/// separated by spaces or tabs; command words are case-insensitive, arguments (idTag, key, value) are taken as typed.
/// </summary>
public sealed class ControlCommand
{
    /// <summary>DC residual current of <c>rcd trip</c> without a value, milliamperes (the module trips within 150 ms).</summary>
    public const int DefaultLeakageMa = 60;

    /// <summary>Largest residual current <c>rcd trip</c> accepts, milliamperes.</summary>
    public const int MaxLeakageMa = 1000;

    /// <summary>The grammar, one line (the answer to <c>help</c>).</summary>
    public const string Grammar =
        "plug | unplug | s2 close|open|auto | card <idTag> | tap <UIDHEX> [uid|desfire|clone|random] | rcd trip [<mA>] | rcd clear | power off|on | status | config <KEY> <VALUE> | get <KEY> | help | quit";

    /// <summary>Byte lengths of an ISO/IEC 14443-3 UID: single, double and triple size.</summary>
    private static readonly int[] UidLengths = { 4, 7, 10 };

    private ControlCommand(ControlCommandKind kind, string argument = null, string value = null, int number = 0, TapCardKind cardKind = TapCardKind.Uid)
    {
        Kind = kind;
        Argument = argument;
        Value = value;
        Number = number;
        CardKind = cardKind;
    }

    /// <summary>The command.</summary>
    public ControlCommandKind Kind { get; }

    /// <summary>The idTag of <c>card</c>, the UID of <c>tap</c> (upper-case hex), the key of <c>config</c> and <c>get</c>; otherwise null.</summary>
    public string Argument { get; }

    /// <summary>The value of <c>config</c> (the rest of the line; <c>""</c> stands for the empty value); otherwise null.</summary>
    public string Value { get; }

    /// <summary>The residual current of <c>rcd trip</c>, milliamperes; otherwise 0.</summary>
    public int Number { get; }

    /// <summary>The card <c>tap</c> holds to the reader (<see cref="TapCardKind.Uid"/> otherwise).</summary>
    public TapCardKind CardKind { get; }

    /// <summary>Parses <paramref name="line"/>; false with a one-line <paramref name="error"/> when it is not a command.</summary>
    public static bool TryParse(string line, out ControlCommand command, out string error)
    {
        command = null;
        error = null;
        string text = (line ?? string.Empty).Trim();
        string word = NextWord(ref text).ToLowerInvariant();
        switch (word)
        {
            case "plug":
                return NoMore(text, new ControlCommand(ControlCommandKind.Plug), out command, out error);
            case "unplug":
                return NoMore(text, new ControlCommand(ControlCommandKind.Unplug), out command, out error);
            case "status":
                return NoMore(text, new ControlCommand(ControlCommandKind.Status), out command, out error);
            case "help":
                return NoMore(text, new ControlCommand(ControlCommandKind.Help), out command, out error);
            case "quit":
                return NoMore(text, new ControlCommand(ControlCommandKind.Quit), out command, out error);
            case "s2":
                return Choice(ref text, "s2", "close", ControlCommandKind.S2Close, "open", ControlCommandKind.S2Open, "auto", ControlCommandKind.S2Auto, out command, out error);
            case "power":
                return Choice(ref text, "power", "off", ControlCommandKind.PowerOff, "on", ControlCommandKind.PowerOn, null, default, out command, out error);
            case "rcd":
                return ParseRcd(ref text, out command, out error);
            case "card":
                if (text.Length == 0)
                {
                    error = "card needs an idTag";
                    return false;
                }

                command = new ControlCommand(ControlCommandKind.Card, text);
                return true;
            case "tap":
                return ParseTap(ref text, out command, out error);
            case "get":
            {
                string key = NextWord(ref text);
                if (key.Length == 0)
                {
                    error = "get needs a configuration key";
                    return false;
                }

                return NoMore(text, new ControlCommand(ControlCommandKind.Get, key), out command, out error);
            }

            case "config":
            {
                string key = NextWord(ref text);
                if (key.Length == 0 || text.Length == 0)
                {
                    error = "config needs a key and a value (\"\" for the empty value)";
                    return false;
                }

                command = new ControlCommand(ControlCommandKind.Config, key, text == "\"\"" ? string.Empty : text);
                return true;
            }

            case "":
                error = "empty command";
                return false;
            default:
                error = "unknown command '" + word + "' (commands: " + Grammar + ")";
                return false;
        }
    }

    private static bool ParseRcd(ref string text, out ControlCommand command, out string error)
    {
        command = null;
        string action = NextWord(ref text).ToLowerInvariant();
        if (action == "clear")
        {
            return NoMore(text, new ControlCommand(ControlCommandKind.RcdClear), out command, out error);
        }

        if (action != "trip")
        {
            error = "rcd needs 'trip [<mA>]' or 'clear'";
            return false;
        }

        string amount = NextWord(ref text);
        int ma = DefaultLeakageMa;
        if (amount.Length > 0
            && (!int.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out ma) || ma < SimulatedRcd.TripThresholdMa || ma > MaxLeakageMa))
        {
            error = "rcd trip needs a residual current from " + SimulatedRcd.TripThresholdMa + " to " + MaxLeakageMa + " mA, got '" + amount + "'";
            return false;
        }

        return NoMore(text, new ControlCommand(ControlCommandKind.RcdTrip, number: ma), out command, out error);
    }

    private static bool ParseTap(ref string text, out ControlCommand command, out string error)
    {
        command = null;
        string uidHex = NextWord(ref text).ToUpperInvariant();
        if (uidHex.Length == 0)
        {
            error = "tap needs a UID: 4, 7 or 10 bytes in hex";
            return false;
        }

        if (uidHex.Length % 2 != 0 || Array.IndexOf(UidLengths, uidHex.Length / 2) < 0 || !IsHex(uidHex))
        {
            error = "tap needs a UID of 4, 7 or 10 bytes in hex (8, 14 or 20 hex digits), got '" + uidHex + "'";
            return false;
        }

        if (uidHex.StartsWith("88", StringComparison.Ordinal))
        {
            // A reader takes a first UID byte 0x88 for the cascade tag of anticollision, so ISO/IEC 14443-3 does not allow it.
            error = "a UID cannot start with 88 (the ISO 14443-3 cascade tag)";
            return false;
        }

        string kindWord = NextWord(ref text).ToLowerInvariant();
        TapCardKind kind;
        switch (kindWord)
        {
            case "":
            case "uid":
                kind = TapCardKind.Uid;
                break;
            case "desfire":
                kind = TapCardKind.Desfire;
                break;
            case "clone":
                kind = TapCardKind.Clone;
                break;
            case "random":
                kind = TapCardKind.Random;
                break;
            default:
                error = "tap card kind must be 'uid', 'desfire', 'clone' or 'random', got '" + kindWord + "'";
                return false;
        }

        if (kind != TapCardKind.Uid && uidHex.Length != 14)
        {
            error = "a DESFire EV1 card has a 7-byte UID (14 hex digits), got " + uidHex.Length / 2 + " bytes";
            return false;
        }

        return NoMore(text, new ControlCommand(ControlCommandKind.Tap, uidHex, cardKind: kind), out command, out error);
    }

    private static bool IsHex(string text)
    {
        foreach (char c in text)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Choice(
        ref string text, string name, string first, ControlCommandKind firstKind, string second, ControlCommandKind secondKind,
        string third, ControlCommandKind thirdKind, out ControlCommand command, out string error)
    {
        command = null;
        string word = NextWord(ref text).ToLowerInvariant();
        ControlCommandKind kind;
        if (word == first)
        {
            kind = firstKind;
        }
        else if (word == second)
        {
            kind = secondKind;
        }
        else if (third != null && word == third)
        {
            kind = thirdKind;
        }
        else
        {
            error = name + " needs '" + first + "' or '" + second + "'" + (third != null ? " or '" + third + "'" : string.Empty);
            return false;
        }

        return NoMore(text, new ControlCommand(kind), out command, out error);
    }

    private static bool NoMore(string rest, ControlCommand parsed, out ControlCommand command, out string error)
    {
        if (rest.Length > 0)
        {
            command = null;
            error = "unexpected '" + rest + "' after the command";
            return false;
        }

        command = parsed;
        error = null;
        return true;
    }

    private static string NextWord(ref string text)
    {
        int end = text.IndexOfAny(new[] { ' ', '\t' });
        string word = end < 0 ? text : text.Substring(0, end);
        text = end < 0 ? string.Empty : text.Substring(end + 1).TrimStart(' ', '\t');
        return word;
    }
}
