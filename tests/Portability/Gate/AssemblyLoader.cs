using System;
using System.Collections.Generic;
using System.IO;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Wallbox.Portability;

/// <summary>
/// Reads an assembly with Mono.Cecil, with its portable PDB when there is one (file next to it or embedded).
/// References are resolved (only to name generic parameters and read attribute blobs) from the assembly's
/// own folder and the running .NET's folder. Read fully into memory, so no file stays locked.
/// </summary>
public sealed class AssemblyLoader : IDisposable
{
    private readonly List<DefaultAssemblyResolver> _resolvers = new();

    public AssemblyDefinition Load(string path)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(path)));
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtimeDirectory != null)
        {
            resolver.AddSearchDirectory(runtimeDirectory);
        }

        _resolvers.Add(resolver);
        var parameters = new ReaderParameters
        {
            AssemblyResolver = resolver,
            InMemory = true,
            ReadingMode = ReadingMode.Deferred,
            ReadSymbols = true,
            SymbolReaderProvider = new DefaultSymbolReaderProvider(throwIfNoSymbol: false),
        };
        try
        {
            return AssemblyDefinition.ReadAssembly(path, parameters);
        }
        catch (Exception e) when (e is SymbolsNotMatchingException || e is SymbolsNotFoundException || e is BadImageFormatException)
        {
            // A stale or foreign PDB must not stop the check; only the lines are lost.
            parameters.ReadSymbols = false;
            parameters.SymbolReaderProvider = null;
            return AssemblyDefinition.ReadAssembly(path, parameters);
        }
    }

    public void Dispose()
    {
        foreach (DefaultAssemblyResolver resolver in _resolvers)
        {
            resolver.Dispose();
        }

        _resolvers.Clear();
    }
}
