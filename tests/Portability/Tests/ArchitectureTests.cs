using System;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace Wallbox.Portability.Tests;

/// <summary>
/// Assembly references point one way: hal ← drivers ← firmware, and the ESP32 HAL sees only the HAL interfaces
/// and its facade. (The gate skips Wallbox.* references because each assembly is checked on its own; this
/// keeps that sound.) Needs no API list.
/// </summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void Wallbox_Hal_references_no_other_Wallbox_assembly()
    {
        Assert.Empty(WallboxReferences("Wallbox.Hal.dll"));
    }

    [Fact]
    public void Wallbox_Drivers_references_only_Wallbox_Hal()
    {
        AssertReferencesAtMost("Wallbox.Drivers.dll", "Wallbox.Hal");
    }

    [Fact]
    public void Wallbox_Firmware_references_only_Wallbox_Hal_and_Wallbox_Drivers()
    {
        AssertReferencesAtMost("Wallbox.Firmware.dll", "Wallbox.Drivers", "Wallbox.Hal");
    }

    [SkippableFact]
    public void Wallbox_Hal_Esp32_references_only_Wallbox_Hal_and_its_facade()
    {
        Skip.IfNot(File.Exists(Path.Combine(GateEnvironment.RepoRoot, "hal/Esp32/Hal.Esp32.csproj")), "hal/Esp32/Hal.Esp32.csproj does not exist yet");
        AssertReferencesAtMost("Wallbox.Hal.Esp32.dll", "Wallbox.Hal", GateProfile.FacadeAssemblyName);
    }

    private static void AssertReferencesAtMost(string fileName, params string[] allowed)
    {
        string[] references = WallboxReferences(fileName);
        string[] unexpected = references.Except(allowed, StringComparer.Ordinal).ToArray();
        Assert.True(unexpected.Length == 0, fileName + " must reference only " + string.Join(", ", allowed) + " but references " + string.Join(", ", unexpected));
    }

    private static string[] WallboxReferences(string fileName)
    {
        using AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(GateEnvironment.OutputAssembly(fileName), new ReaderParameters { InMemory = true });
        return assembly.MainModule.AssemblyReferences
            .Select(r => r.Name)
            .Where(n => n.StartsWith("Wallbox.", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
    }
}
