using System;
using System.Collections.Generic;
using System.Linq;

namespace Wallbox.Portability;

/// <summary>
/// Which nanoFramework API files an assembly may use, and how it is checked.
/// <list type="bullet">
/// <item><c>portable</c>: firmware/, drivers/, hal/ interfaces — core library, collections, text, math only, so
///   that nothing device-specific leaks into the portable code.</item>
/// <item><c>esp32</c>: hal/Esp32 (the nanoFramework HAL) — portable plus the device, network, storage and ESP32
///   packages. References into the facade assembly are checked too: they stand for nanoFramework types.</item>
/// <item><c>facade</c>: hal/Esp32/Facade — every public/protected declaration must exist, with the same shape,
///   in the esp32 files (the facade may only declare what nanoFramework really has).</item>
/// </list>
/// </summary>
public sealed class GateProfile
{
    /// <summary>The reference-only assembly that declares nanoFramework device APIs for host type-checking.</summary>
    public const string FacadeAssemblyName = "Wallbox.Hal.Esp32.Facade";

    public static readonly GateProfile Portable = new(
        "portable",
        GateMode.ScanReferences,
        ["mscorlib", "nanoFramework.System.Collections", "nanoFramework.System.Text", "System.Math"],
        []);

    public static readonly GateProfile Esp32 = new(
        "esp32",
        GateMode.ScanReferences,
        [
            .. Portable.ApiFiles,
            "System.Threading",
            "nanoFramework.Runtime.Native",
            "nanoFramework.Runtime.Events",
            "System.IO.Streams",
            "System.IO.FileSystem",
            "System.IO.Ports",
            "System.Net",
            "System.Net.Http@Server",
            "System.Net.WebSockets@Client",
            "System.Device.Gpio",
            "System.Device.Pwm",
            "System.Device.Adc",
            "System.Device.Spi",
            "System.Device.Wifi",
            "nanoFramework.Hardware.Esp32",
            "nanoFramework.System.Security.Cryptography",
        ],
        [FacadeAssemblyName]);

    public static readonly GateProfile Facade = new("facade", GateMode.CheckFacadeDeclarations, Esp32.ApiFiles, []);

    public static readonly IReadOnlyList<GateProfile> All = [Portable, Esp32, Facade];

    private GateProfile(string name, GateMode mode, IReadOnlyList<string> apiFiles, IReadOnlyList<string> checkedWallboxAssemblies)
    {
        Name = name;
        Mode = mode;
        ApiFiles = apiFiles;
        CheckedWallboxAssemblies = new HashSet<string>(checkedWallboxAssemblies, StringComparer.Ordinal);
    }

    public string Name { get; }

    public GateMode Mode { get; }

    /// <summary>API file ids (file names in api/ without .txt) the profile allows.</summary>
    public IReadOnlyList<string> ApiFiles { get; }

    /// <summary>
    /// Wallbox.* assemblies whose types are checked against the catalog like BCL types. Every other Wallbox.*
    /// assembly is skipped: it is scanned on its own.
    /// </summary>
    public IReadOnlySet<string> CheckedWallboxAssemblies { get; }

    /// <summary>"profile portable: mscorlib, nanoFramework.System.Collections, ..." — the suffix of every reason.</summary>
    public string Description => "profile " + Name + ": " + string.Join(", ", ApiFiles);

    /// <summary>The profile called <paramref name="name"/> (case-insensitive); null if there is none.</summary>
    public static GateProfile Named(string name)
    {
        return All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    public override string ToString() => Name;
}
