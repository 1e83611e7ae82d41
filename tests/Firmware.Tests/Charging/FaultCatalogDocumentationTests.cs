using System;
using System.IO;
using System.Linq;
using Wallbox.Firmware.Charging.Faults;

namespace Wallbox.Firmware.Tests.Charging;

/// <summary>docs/charging-control.md shows the fault table of <see cref="FaultCatalog"/>; they must not drift apart.</summary>
public sealed class FaultCatalogDocumentationTests
{
    [Fact]
    public void Every_fault_has_a_row_in_docs_charging_control_with_its_severity_codes_reaction_and_recovery()
    {
        string[] rows = File.ReadAllLines(RepositoryPaths.Doc("charging-control.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .ToArray();

        for (int i = 0; i < FaultCatalog.Count; i++)
        {
            FaultDefinition d = FaultCatalog.Get((ChargingFault)i);
            string expected = $"| `{d.Fault}` | {d.Severity} | {d.Reaction} | {d.Recovery} | `{d.OcppErrorCode}` / `{d.VendorErrorCode}` |";
            Assert.Contains(expected, rows);
        }
    }

    [Fact]
    public void Vendor_error_codes_are_unique_and_fit_OCPP_1_6()
    {
        var codes = Enumerable.Range(0, FaultCatalog.Count).Select(i => FaultCatalog.Get((ChargingFault)i).VendorErrorCode).ToArray();

        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.All(codes, c => Assert.InRange(c.Length, 1, 50)); // StatusNotification.vendorErrorCode: string[50]
    }
}
