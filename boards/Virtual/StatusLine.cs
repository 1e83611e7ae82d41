using System.Globalization;
using Wallbox.Drivers.Pilot;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Faults;

namespace Wallbox.Boards.Virtual;

/// <summary>
/// The one-line status the virtual wallbox prints: the firmware's charging state, pilot, current offer and
/// contactor, the primary fault if any, and the meter's energy register.
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

        ChargingController charging = fw.Charging;
        string cp = "CP " + StateName(charging.PilotState) + (charging.OfferedCurrentMa > 0 ? "2" : "1")
            + " (" + (hw.PilotSampler.LastHighMv / 1000.0).ToString("F1", ci) + " V)";
        string offer = charging.OfferedCurrentMa > 0
            ? "offer " + (charging.OfferedCurrentMa / 1000.0).ToString("F1", ci) + " A"
            : "offer 0 A (PWM off)";
        string contactor = "contactor " + (charging.IsEnergized ? "closed" : "open");
        string energy = "meter " + (hw.Meter.ImportWh / 1000.0).ToString("F3", ci) + " kWh, " + (hw.Meter.ActivePowerW / 1000.0).ToString("F2", ci) + " kW";
        string fault = charging.Faults.TryGetPrimary(out ChargingFault primary) ? " | fault " + FaultCatalog.Get(primary).VendorErrorCode : string.Empty;
        return time + " | " + charging.State + " | " + cp + " | " + offer + " | " + contactor + " | " + energy + fault;
    }

    private static string StateName(PilotState state) => state == PilotState.Unknown ? "?" : state.ToString();
}
