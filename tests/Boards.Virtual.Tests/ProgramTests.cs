using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>The virtual wallbox as a process: what <c>dotnet run --project boards/Virtual</c> does.</summary>
public sealed class ProgramTests
{
    [Fact]
    public void Runs_for_the_requested_duration_prints_status_lines_and_exits_cleanly()
    {
        using Process process = Start("--duration 2 --speed 4 --plug-ev-after 1");
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Available | CP A1 (12.0 V)", output);
        Assert.Contains("Preparing | CP B1 (9.0 V)", output);
        Assert.Contains("Virtual wallbox stopped cleanly after 2.0 s", output);
    }

    [Fact]
    public void Free_vend_option_charges_the_virtual_EV()
    {
        using Process process = Start("--duration 6 --speed 10 --plug-ev-after 1 --free-vend");
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Charging | CP C2 (6.0 V) | offer 32.0 A | contactor closed", output);
    }

    [Fact]
    public void Ctrl_C_stops_it_cleanly()
    {
        using Process process = Start(string.Empty);
        string firstLine = process.StandardOutput.ReadLine();
        while (firstLine != null && !firstLine.Contains("Virtual wallbox running"))
        {
            firstLine = process.StandardOutput.ReadLine();
        }

        Assert.NotNull(firstLine);
        Thread.Sleep(300); // let it run a few loop passes in real time
        using (Process kill = Process.Start("kill", "-INT " + process.Id))
        {
            kill.WaitForExit();
        }

        string rest = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(30_000));
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Virtual wallbox stopped cleanly", rest);
    }

    [Fact]
    public void Bad_arguments_exit_with_2_and_usage()
    {
        using Process process = Start("--duration soon");
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--duration needs a non-negative number, got 'soon'", error);
        Assert.Contains("usage:", error);
    }

    private static Process Start(string arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Wallbox.Boards.Virtual.dll");
        var info = new ProcessStartInfo("dotnet", "\"" + dll + "\" " + arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the virtual wallbox");
    }
}
