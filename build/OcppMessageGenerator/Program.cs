using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Wallbox.Build.OcppMessageGenerator;

/// <summary>
/// dotnet run --project build/OcppMessageGenerator -- &lt;ocpp1_6.json&gt; &lt;outputDir&gt;
/// Writes the generated files (only those whose text changed) and deletes generated files it no longer produces.
/// Exit codes: 0 done, 1 the schemas hold something the generator does not understand, 2 usage.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: OcppMessageGenerator <ocpp1_6.json> <outputDir>");
            Console.Error.WriteLine("  e.g. dotnet run --project build/OcppMessageGenerator -- tests/Peers/ocpp-csms/node_modules/ocpp-rpc/lib/schemas/ocpp1_6.json firmware/Ocpp/Messages");
            return 2;
        }

        IReadOnlyList<GeneratedFile> files;
        try
        {
            files = OcppMessageGenerator.Generate(args[0]);
        }
        catch (GeneratorException e)
        {
            Console.Error.WriteLine("OcppMessageGenerator: " + e.Message);
            return 1;
        }

        string outputDir = Path.GetFullPath(args[1]);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        int written = 0;
        foreach (GeneratedFile file in files)
        {
            string path = Path.Combine(outputDir, file.Name.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(path) && File.ReadAllText(path, utf8) == file.Content)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content, utf8);
            written++;
        }

        IReadOnlyList<string> stale = OcppMessageGenerator.StaleFiles(outputDir, files);
        foreach (string name in stale)
        {
            File.Delete(Path.Combine(outputDir, name.Replace('/', Path.DirectorySeparatorChar)));
        }

        Console.WriteLine(files.Count + " files generated in " + outputDir + ": " + written + " written, " + (files.Count - written)
                          + " unchanged, " + stale.Count + " stale deleted");
        return 0;
    }
}
