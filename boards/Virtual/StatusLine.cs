using System.Globalization;
using Wallbox.Drivers.Pilot;

namespace Wallbox.Boards.Virtual;

/// <summary>
/// The one-line status the virtual wallbox prints: the firmware's view of the pilot, the current offer and
/// the contactor, and the meter's energy register.
/// </summary>
public static class StatusLine
{
    /// <summary>Formats the status of <paramref name="wallbox"/>.</summary>
    public static string Format(VirtualWallbox wallbox)
    {
        var ci = CultureInfo.InvariantCulture;
        var hw = wallbox.Hardware;
        string time = (wallbox.NowMs / 1000.0).ToString("F1", ci).PadLeft(8) + " s";
        var fw = wallbox.Firmware;
        if (fw == null)
        {
            return time + " | board unpowered (mains cut)";
        }

        var pilot = fw.Pilot;
        string cp = "CP " + StateName(pilot.MeasuredState) + (pilot.IsPwmOn ? "2" : "1")
            + " (" + (pilot.LastSample.HighMv / 1000.0).ToString("F1", ci) + " V/" + (pilot.LastSample.LowMv / 1000.0).ToString("F1", ci) + " V)";
        string offer = pilot.IsPwmOn
            ? "PWM " + (pilot.DutyPermille / 10.0).ToString("F1", ci) + " %"
            : "offer 0 A (PWM off)";
        string contactor = "contactor " + (fw.Contactor.IsClosed ? "closed" : "open");
        string energy = "meter " + (hw.Meter.ImportWh / 1000.0).ToString("F3", ci) + " kWh, " + (hw.Meter.ActivePowerW / 1000.0).ToString("F2", ci) + " kW";
        return time + " | " + cp + " | " + offer + " | " + contactor + " | " + energy;
    }

    private static string StateName(PilotState state) => state == PilotState.Unknown ? "?" : state.ToString();
}
