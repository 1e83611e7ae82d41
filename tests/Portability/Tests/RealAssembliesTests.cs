namespace Wallbox.Portability.Tests;

/// <summary>
/// The portable code of the repository (profile portable). On failure the message is the full report:
/// file:line, member, API and why — fix the code, not the gate.
/// </summary>
public sealed class RealAssembliesTests
{
    [SkippableFact]
    public void Wallbox_Hal_uses_only_nanoFramework_1x_APIs()
    {
        AssertClean("Wallbox.Hal.dll");
    }

    [SkippableFact]
    public void Wallbox_Drivers_uses_only_nanoFramework_1x_APIs()
    {
        AssertClean("Wallbox.Drivers.dll");
    }

    [SkippableFact]
    public void Wallbox_Firmware_uses_only_nanoFramework_1x_APIs()
    {
        AssertClean("Wallbox.Firmware.dll");
    }

    private static void AssertClean(string fileName)
    {
        GateReport report = GateEnvironment.Check(GateProfile.Portable, fileName);
        Assert.True(report.IsClean, report.Format());
    }
}
