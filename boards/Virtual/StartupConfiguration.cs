using System.Collections.Generic;
using Wallbox.Firmware.Config;

namespace Wallbox.Boards.Virtual;

/// <summary>
/// Applies the configuration given on the command line (<see cref="VirtualWallboxOptions.ConfigurationEntries"/>)
/// at process start: the simulated flash lives in memory, so every start is a first boot with an empty store.
/// </summary>
/// <remarks>
/// The entries go in once the firmware's configuration store has loaded, with one all-or-nothing
/// <see cref="ConfigurationStore.TrySetMany"/>, as a configuration page would. Keys that need a reboot on a real
/// board (URL, identity, password, security profile) take effect at once here too: the OCPP link re-reads its
/// connection settings whenever the store's change count moves.
/// </remarks>
public static class StartupConfiguration
{
    /// <summary>Longest virtual time the store may take to load, milliseconds.</summary>
    public const long LoadTimeoutMs = 10_000;

    /// <summary>
    /// Steps <paramref name="wallbox"/> until its configuration has loaded, then stores <paramref name="entries"/>.
    /// Returns null when they were accepted (or there were none), otherwise why not, naming the option at fault.
    /// </summary>
    public static string Apply(VirtualWallbox wallbox, IReadOnlyList<(string Key, string Value, string Source)> entries)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        if (!wallbox.RunUntil(() => wallbox.Firmware != null && wallbox.Firmware.Persistent.Configuration.IsLoaded, LoadTimeoutMs))
        {
            return "the configuration store did not load within " + LoadTimeoutMs / 1000 + " s";
        }

        var names = new string[entries.Count];
        var values = new string[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            names[i] = entries[i].Key;
            values[i] = entries[i].Value;
        }

        ConfigChangeStatus status = wallbox.Firmware.Persistent.Configuration.TrySetMany(names, values, entries.Count, out int failing, out string reason);
        if (status == ConfigChangeStatus.Accepted || status == ConfigChangeStatus.RebootRequired)
        {
            return null;
        }

        string source = "the configuration";
        if (failing >= 0 && failing < entries.Count)
        {
            // A secret (write-only key such as AuthorizationKey) is not repeated; the store's reason never quotes it.
            (string key, _, source) = entries[failing];
            int equals = source.IndexOf('=');
            if (equals > 0 && wallbox.Firmware.Persistent.Configuration.Find(key)?.WriteOnly == true)
            {
                source = source.Substring(0, equals + 1) + "(hidden)";
            }
        }

        return source + " refused (" + status + "): " + reason;
    }
}
