using System;
using System.IO;
using System.Linq;
using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Tests.Ocpp.Messages;

/// <summary>docs/ocpp-conformance.md has one row per action of <see cref="OcppMessageCatalog"/>, with its direction.</summary>
public sealed class ConformanceDocumentTests
{
    [Fact]
    public void The_actions_table_has_a_row_per_catalog_action_with_its_direction()
    {
        string[][] rows = File.ReadAllLines(Path.Combine(OcppSchemaFile.RepositoryRoot, "docs", "ocpp-conformance.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length == 8)
            .ToArray();

        Assert.Equal(OcppMessageCatalog.ActionCount, rows.Length);
        for (int i = 0; i < OcppMessageCatalog.ActionCount; i++)
        {
            string action = OcppMessageCatalog.ActionAt(i);
            string[] row = rows.SingleOrDefault(r => r[1].Split('`')[1] == action);
            Assert.True(row != null, action + " has no row");
            Assert.Equal(Direction(OcppMessageCatalog.DirectionAt(i)), row[2]);
        }
    }

    private static string Direction(OcppMessageDirection direction)
    {
        return direction switch
        {
            OcppMessageDirection.ChargePointToCentralSystem => "CP → CS",
            OcppMessageDirection.CentralSystemToChargePoint => "CS → CP",
            OcppMessageDirection.Both => "both",
            _ => "?",
        };
    }
}
