using System;
using System.Diagnostics;
using System.IO;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>The virtual wallbox process driven from outside: commands on standard input, configuration, a central-system URL.</summary>
public sealed class ProgramControlTests
{
    [Fact]
    public void Commands_on_standard_input_drive_a_session_and_quit_stops_it_cleanly()
    {
        using Process process = Start("--speed 20 --free-vend --duration 600"); // ends by itself (30 s) should the test fail
        WaitForLine(process, "storage: loaded");

        Assert.Equal("> ok: EV plugged in (state B; S2 automatic)", Command(process, "plug"));
        Assert.Equal("> ok: FreeVend = true", Command(process, "get FreeVend"));
        string charging = null;
        for (int query = 0; charging == null && query < 10_000; query++)
        {
            string reply = Command(process, "status");
            Assert.StartsWith("> ok: ", reply);
            charging = reply.Contains("| Charging |", StringComparison.Ordinal) && reply.Contains("contactor closed", StringComparison.Ordinal) ? reply : null;
        }

        Assert.NotNull(charging);
        process.StandardInput.WriteLine("quit");
        string rest = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(30_000));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("offer 32.0 A", charging);
        Assert.Contains("> ok: stopping", rest);
        Assert.Contains("Virtual wallbox stopped cleanly", rest);
    }

    [Fact]
    public void A_configuration_value_the_firmware_refuses_exits_with_2_and_the_reason()
    {
        using Process process = Start("--config MaxCurrentA=99 --duration 1");
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("virtual wallbox: --config MaxCurrentA=99 refused (Rejected): ", error);
    }

    [Fact]
    public void With_an_unreachable_central_system_it_runs_logs_the_failed_connects_and_stops_cleanly()
    {
        using Process process = Start("--csms-url ws://127.0.0.1:1/ --identity X --duration 3 --speed 2");
        process.StandardInput.Close();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("central system ws://127.0.0.1:1/", output);
        Assert.Contains("ws://127.0.0.1:1/X", output);
        Assert.Contains("Virtual wallbox stopped cleanly after 3.0 s", output);
    }

    /// <summary>Sends <paramref name="command"/> and returns its reply, the next line starting with "> ".</summary>
    private static string Command(Process process, string command)
    {
        process.StandardInput.WriteLine(command);
        return WaitForLine(process, "> ");
    }

    private static string WaitForLine(Process process, string text)
    {
        string line;
        while ((line = process.StandardOutput.ReadLine()) != null)
        {
            if (text == "> " ? line.StartsWith(text, StringComparison.Ordinal) : line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException("the virtual wallbox ended before printing '" + text + "'");
    }

    private static Process Start(string arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Wallbox.Boards.Virtual.dll");
        var info = new ProcessStartInfo("dotnet", "\"" + dll + "\" " + arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the virtual wallbox");
    }
}
