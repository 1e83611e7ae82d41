using System;
using System.Globalization;

namespace Wallbox.Boards.Virtual;

/// <summary>Command-line options of the virtual wallbox.</summary>
public sealed class VirtualWallboxOptions
{
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

    /// <summary>True when help was requested.</summary>
    public bool ShowHelp { get; private set; }

    /// <summary>Usage text.</summary>
    public const string Usage =
        "usage: dotnet run --project boards/Virtual [-- options]\n" +
        "  --duration <s>         stop after <s> seconds of virtual time (default: run until Ctrl+C)\n" +
        "  --speed <x>            run <x> times faster than real time (default 1)\n" +
        "  --status-interval <s>  seconds between status lines (default 1)\n" +
        "  --plug-ev-after <s>    plug the virtual EV in after <s> seconds\n" +
        "  --free-vend            charge without authorisation (free-vend)\n" +
        "  --help                 this text";

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
                case "--help":
                case "-h":
                    options.ShowHelp = true;
                    break;
                default:
                    throw new ArgumentException("unknown option '" + args[i] + "'");
            }
        }

        return options;
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
        if (i + 1 >= args.Length)
        {
            throw new ArgumentException(name + " needs a value");
        }

        string text = args[++i];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || double.IsNaN(value) || double.IsInfinity(value) || value < 0)
        {
            throw new ArgumentException(name + " needs a non-negative number, got '" + text + "'");
        }

        return value;
    }
}
