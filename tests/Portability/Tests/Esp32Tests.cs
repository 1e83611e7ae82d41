namespace Wallbox.Portability.Tests;

/// <summary>
/// The ESP32 HAL (profile esp32: portable plus the device, network and storage packages, references into the
/// facade included) and its facade (profile facade: every declaration must exist in nanoFramework).
/// </summary>
public sealed class Esp32Tests
{
    private const string FacadeFolder = "hal/Esp32/Facade";

    [SkippableFact]
    public void Wallbox_Hal_Esp32_uses_only_the_esp32_profile()
    {
        GateReport report = GateEnvironment.Check(GateProfile.Esp32, "Wallbox.Hal.Esp32.dll");
        Assert.True(report.IsClean, report.Format());
    }

    [SkippableFact]
    public void Wallbox_Hal_Esp32_Facade_declares_only_what_nanoFramework_has()
    {
        GateReport report = GateEnvironment.Check(GateProfile.Facade, GateProfile.FacadeAssemblyName + ".dll", FacadeFolder);
        Assert.True(report.IsClean, report.Format());
    }
}
