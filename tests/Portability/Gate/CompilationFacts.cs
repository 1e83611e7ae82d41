using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Wallbox.Portability;

/// <summary>
/// Compiler options the C# compiler records in the portable PDB ("compilation options" custom debug
/// information: <c>language-version</c>, <c>nullable</c>, <c>define</c>...). The gate needs the language version to
/// tell a host-only artifact from a real problem (see <see cref="IgnoredAttributes"/>).
/// </summary>
public sealed class CompilationFacts
{
    /// <summary>Kind GUID of the compilation options record (Roslyn's PortableCustomDebugInfoKinds.CompilationOptions).</summary>
    private static readonly Guid CompilationOptionsKind = new("B5FEEC05-8CD0-4A83-96DA-466284BB4BD8");

    public static readonly CompilationFacts Unknown = new(new Dictionary<string, string>());

    private CompilationFacts(IReadOnlyDictionary<string, string> options)
    {
        Options = options;
        LanguageVersion = options.TryGetValue("language-version", out string text) && Version.TryParse(text, out Version version) ? version : null;
    }

    /// <summary>All recorded options, by key.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>C# language version the assembly was compiled with (<c>10.0</c>); null when no PDB records it.</summary>
    public Version LanguageVersion { get; }

    /// <summary>Reads the options from the PDB next to <paramref name="assemblyPath"/> or embedded in it; <see cref="Unknown"/> if none.</summary>
    public static CompilationFacts Read(string assemblyPath)
    {
        try
        {
            string pdb = Path.ChangeExtension(assemblyPath, ".pdb");
            if (File.Exists(pdb))
            {
                using FileStream stream = File.OpenRead(pdb);
                using MetadataReaderProvider provider = MetadataReaderProvider.FromPortablePdbStream(stream);
                return FromReader(provider.GetMetadataReader());
            }

            using FileStream image = File.OpenRead(assemblyPath);
            using var pe = new PEReader(image);
            foreach (DebugDirectoryEntry entry in pe.ReadDebugDirectory())
            {
                if (entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb)
                {
                    using MetadataReaderProvider provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
                    return FromReader(provider.GetMetadataReader());
                }
            }
        }
        catch (Exception e) when (e is BadImageFormatException || e is IOException || e is InvalidOperationException)
        {
            // A Windows PDB or an unreadable file: nothing recorded, callers stay conservative.
        }

        return Unknown;
    }

    private static CompilationFacts FromReader(MetadataReader reader)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (CustomDebugInformationHandle handle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            CustomDebugInformation information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) != CompilationOptionsKind)
            {
                continue;
            }

            // NUL-separated key/value pairs.
            string[] parts = Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value)).Split('\0');
            for (int i = 0; i + 1 < parts.Length; i += 2)
            {
                options[parts[i]] = parts[i + 1];
            }
        }

        return new CompilationFacts(options);
    }
}
