using System;
using System.IO;
using System.Linq;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Config;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Config;

/// <summary>docs/configuration-keys.md lists the keys <see cref="ChargePointConfigKeys"/> and the OCPP link declare; they must not drift apart.</summary>
public sealed class ConfigurationKeysDocumentationTests
{
    [Fact]
    public void Every_declared_key_has_a_row_with_its_type_default_and_flags_and_every_row_is_a_declared_key()
    {
        var store = new ConfigurationStore(new SimulatedFileStore(), @"I:\config");
        ChargePointConfigKeys.Declare(store, new ChargingSettings());
        Wallbox.Firmware.Ocpp.OcppConfigKeys.Declare(store, true);
        Wallbox.Firmware.Metering.MeterConfigKeys.Declare(store, Wallbox.Firmware.Metering.MeterConfigKeys.NoMeter);
        Wallbox.Firmware.Rfid.RfidConfigKeys.Declare(store);
        Wallbox.Firmware.Rfid.CardAuthenticationConfigKeys.Declare(store);
        string[][] rows = File.ReadAllLines(RepositoryPaths.Doc("configuration-keys.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .ToArray();

        for (int i = 0; i < store.KeyCount; i++)
        {
            ConfigKey key = store.KeyAt(i);
            string[] row = rows.SingleOrDefault(r => r[1] == "`" + key.Name + "`");
            Assert.True(row != null, key.Name + " has no row");
            Assert.StartsWith(key.Type.ToString().ToLowerInvariant(), row[2], StringComparison.Ordinal);
            Assert.StartsWith(key.DefaultValue.Length == 0 ? "empty" : key.DefaultValue, row[3], StringComparison.Ordinal);
            Assert.Equal(key.RebootRequired, row[5].Contains("reboot", StringComparison.Ordinal));
            Assert.Equal(key.WriteOnly, row[5].Contains("write-only", StringComparison.Ordinal));
            Assert.Equal(key.ReadOnly, row[5].Contains("read-only", StringComparison.Ordinal));
        }

        Assert.All(rows, r => Assert.NotNull(store.Find(r[1].Trim('`'))));
    }
}
