using System;
using System.Collections.Generic;
using System.Globalization;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp;

namespace Wallbox.Boards.Virtual;

/// <summary>Command-line options of the virtual wallbox.</summary>
public sealed class VirtualWallboxOptions
{
    private readonly List<KeyValuePair<string, string>> _config = new();

    /// <summary>Stop after this much virtual time, seconds; null runs until Ctrl+C.</summary>
    public double? DurationSeconds { get; private set; }

    /// <summary>Virtual seconds per wall-clock second (1 = real time).</summary>
    public double Speed { get; private set; } = 1;

    /// <summary>Seconds of virtual time between two status lines.</summary>
    public double StatusIntervalSeconds { get; private set; } = 1;

    /// <summary>Plug the EV in after this many seconds; null leaves it unplugged.</summary>
    public double? PlugEvAfterSeconds { get; private set; }

    /// <summary>Every plug-in charges without authorisation (free-vend).</summary>
    public bool FreeVend { get; private set; }

    /// <summary>Central-system URL (ws:// or wss://); null runs standalone.</summary>
    public string CsmsUrl { get; private set; }

    /// <summary>Charge-box identity appended to <see cref="CsmsUrl"/>.</summary>
    public string Identity { get; private set; }

    /// <summary>Basic-auth password (AuthorizationKey); null for none.</summary>
    public string Password { get; private set; }

    /// <summary>Security profile 0–2 given explicitly; null when not given.</summary>
    public int? SecurityProfile { get; private set; }

    /// <summary>Configuration keys given with <c>--config KEY=VALUE</c>, in command-line order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Config => _config;

    /// <summary>Loopback port of the HTTP control interface; null for none.</summary>
    public int? ControlPort { get; private set; }

    /// <summary>True when help was requested.</summary>
    public bool ShowHelp { get; private set; }

    /// <summary>
    /// True when the board talks to a real central system: a URL was given with <c>--csms-url</c> or
    /// <c>--config CentralSystemUrl=…</c>. Then the board's WebSocket is a real one.
    /// </summary>
    public bool UsesRealNetwork => CsmsUrl != null || _config.Exists(e => e.Key == ChargePointConfigKeys.CentralSystemUrl && e.Value.Length > 0);

    /// <summary>Usage text.</summary>
    public const string Usage =
        "usage: dotnet run --project boards/Virtual [-- options]\n" +
        "  --duration <s>              stop after <s> seconds of virtual time (default: run until Ctrl+C)\n" +
        "  --speed <x>                 run <x> times faster than real time (default 1)\n" +
        "  --status-interval <s>       seconds between status lines (default 1)\n" +
        "  --plug-ev-after <s>         plug the virtual EV in after <s> seconds\n" +
        "  --free-vend                 charge without authorisation (free-vend)\n" +
        "  --csms-url <ws(s)://…/>     connect to this OCPP 1.6J central system (needs --identity); default: standalone\n" +
        "  --identity <id>             charge-box identity appended to the URL (needs --csms-url)\n" +
        "  --password <key>            Basic-auth password (AuthorizationKey); selects security profile 1\n" +
        "  --security-profile <0..2>   OCPP security profile (1 needs --password, 2 needs --password and wss://)\n" +
        "  --config KEY=VALUE          set any configuration key at start (repeatable; applied after the options above)\n" +
        "  --control-port <port>       control interface on http://127.0.0.1:<port>/command (POST a command line)\n" +
        "  --help                      this text\n" +
        "Commands on standard input (and the control port): plug, unplug, s2 close|open|auto, card <idTag>,\n" +
        "tap <UIDHEX> [uid|desfire|clone|random], rcd trip [<mA>], rcd clear, power off|on, status,\n" +
        "config <KEY> <VALUE>, get <KEY>, help, quit\n" +
        "(docs/virtual-wallbox.md).";

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a clear message on bad input.</summary>
    public static VirtualWallboxOptions Parse(string[] args)
    {
        var options = new VirtualWallboxOptions();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--duration":
                    options.DurationSeconds = Positive(args, ref i);
                    break;
                case "--speed":
                    options.Speed = Positive(args, ref i);
                    break;
                case "--status-interval":
                    options.StatusIntervalSeconds = Positive(args, ref i);
                    break;
                case "--plug-ev-after":
                    options.PlugEvAfterSeconds = NonNegative(args, ref i);
                    break;
                case "--free-vend":
                    options.FreeVend = true;
                    break;
                case "--csms-url":
                    options.CsmsUrl = CentralSystemUrl(args, ref i);
                    break;
                case "--identity":
                    options.Identity = NonEmpty(args, ref i);
                    break;
                case "--password":
                    options.Password = NonEmpty(args, ref i);
                    break;
                case "--security-profile":
                    options.SecurityProfile = Integer(args, ref i, 0, 2);
                    break;
                case "--config":
                    options._config.Add(KeyValue(args, ref i));
                    break;
                case "--control-port":
                    options.ControlPort = Integer(args, ref i, 1, 65535);
                    break;
                case "--help":
                case "-h":
                    options.ShowHelp = true;
                    break;
                default:
                    throw new ArgumentException("unknown option '" + args[i] + "'");
            }
        }

        options.CheckCombinations();
        return options;
    }

    /// <summary>
    /// The configuration the options ask for, as (key, value, the option that set it): URL, identity, password and
    /// security profile from their options, then every <c>--config</c> entry (so an explicit key wins).
    /// </summary>
    public IReadOnlyList<(string Key, string Value, string Source)> ConfigurationEntries()
    {
        var entries = new List<(string, string, string)>();
        if (CsmsUrl != null)
        {
            entries.Add((ChargePointConfigKeys.CentralSystemUrl, CsmsUrl, "--csms-url"));
            entries.Add((ChargePointConfigKeys.ChargePointIdentity, Identity, "--identity"));
        }

        if (Password != null)
        {
            entries.Add((ChargePointConfigKeys.AuthorizationKey, Password, "--password"));
        }

        if (SecurityProfile is int profile)
        {
            entries.Add((OcppConfigKeys.SecurityProfile, profile.ToString(CultureInfo.InvariantCulture), "--security-profile"));
        }
        else if (Password != null)
        {
            entries.Add((OcppConfigKeys.SecurityProfile, "1", "--password"));
        }

        foreach (var entry in _config)
        {
            entries.Add((entry.Key, entry.Value, "--config " + entry.Key + "=" + entry.Value));
        }

        return entries;
    }

    private void CheckCombinations()
    {
        if (CsmsUrl != null && Identity == null)
        {
            throw new ArgumentException("--csms-url needs --identity");
        }

        if (Identity != null && CsmsUrl == null)
        {
            throw new ArgumentException("--identity needs --csms-url");
        }

        if (Password != null && CsmsUrl == null)
        {
            throw new ArgumentException("--password needs --csms-url");
        }

        if (SecurityProfile is int profile)
        {
            if (CsmsUrl == null)
            {
                throw new ArgumentException("--security-profile needs --csms-url");
            }

            if (profile >= 1 && Password == null)
            {
                throw new ArgumentException("--security-profile " + profile + " needs --password");
            }

            if (profile == 2 && !CsmsUrl.StartsWith("wss://", StringComparison.Ordinal))
            {
                throw new ArgumentException("--security-profile 2 needs a wss:// URL");
            }
        }
    }

    private static string Value(string[] args, ref int i)
    {
        string name = args[i];
        if (i + 1 >= args.Length)
        {
            throw new ArgumentException(name + " needs a value");
        }

        return args[++i];
    }

    private static string NonEmpty(string[] args, ref int i)
    {
        string text = Value(args, ref i);
        if (text.Length == 0)
        {
            throw new ArgumentException(args[i - 1] + " needs a non-empty value");
        }

        return text;
    }

    private static string CentralSystemUrl(string[] args, ref int i)
    {
        string text = Value(args, ref i);
        bool schemeOk = text.StartsWith("ws://", StringComparison.Ordinal) || text.StartsWith("wss://", StringComparison.Ordinal);
        if (!schemeOk || !Uri.TryCreate(text, UriKind.Absolute, out Uri uri) || uri.Host.Length == 0)
        {
            throw new ArgumentException("--csms-url needs a ws:// or wss:// URL, got '" + text + "'");
        }

        return text;
    }

    private static int Integer(string[] args, ref int i, int minimum, int maximum)
    {
        string name = args[i];
        string text = Value(args, ref i);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < minimum || value > maximum)
        {
            throw new ArgumentException(name + " needs a whole number from " + minimum + " to " + maximum + ", got '" + text + "'");
        }

        return value;
    }

    private static KeyValuePair<string, string> KeyValue(string[] args, ref int i)
    {
        string text = Value(args, ref i);
        int equals = text.IndexOf('=');
        if (equals <= 0)
        {
            throw new ArgumentException("--config needs KEY=VALUE, got '" + text + "'");
        }

        return new KeyValuePair<string, string>(text.Substring(0, equals), text.Substring(equals + 1));
    }

    private static double Positive(string[] args, ref int i)
    {
        double value = NonNegative(args, ref i);
        if (value <= 0)
        {
            throw new ArgumentException(args[i - 1] + " must be greater than 0");
        }

        return value;
    }

    private static double NonNegative(string[] args, ref int i)
    {
        string name = args[i];
        string text = Value(args, ref i);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || double.IsNaN(value) || double.IsInfinity(value) || value < 0)
        {
            throw new ArgumentException(name + " needs a non-negative number, got '" + text + "'");
        }

        return value;
    }
}
