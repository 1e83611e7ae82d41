using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Wallbox.Portability;

/// <summary>
/// Finds declaration lines in C# source, for findings that have no IL sequence point of their own (type
/// headers, field types, method signatures, and assemblies without a PDB such as a reference-only facade).
/// Portable PDBs record lines only for statements, so this is a plain-text search: good enough to point a
/// reader at the right line, and it returns null rather than guess when nothing matches.
/// </summary>
public sealed class DeclarationFinder
{
    private const string Modifiers = @"(?:(?:public|private|protected|internal|static|virtual|override|abstract|sealed|async|extern|unsafe|new|partial|readonly|const|volatile|required|fixed|event)\s+)";
    private const string TypeToken = @"[\w<>\[\],.?]+(?:\s*<[^()]*>)?";
    private static readonly HashSet<string> StatementWords = new(StringComparer.Ordinal)
    {
        "return", "await", "throw", "new", "var", "if", "else", "while", "for", "foreach", "switch", "case", "using", "lock", "yield", "goto",
    };

    private readonly Dictionary<string, string[]> _files = new(StringComparer.Ordinal);

    public string[] Lines(string path)
    {
        if (path == null)
        {
            return null;
        }

        if (!_files.TryGetValue(path, out string[] lines))
        {
            lines = File.Exists(path) ? File.ReadAllLines(path) : null;
            _files[path] = lines;
        }

        return lines;
    }

    /// <summary>Line of <c>class|struct|interface|enum|record Name</c> or <c>delegate ... Name(</c>.</summary>
    public int? FindType(string path, string name)
    {
        string n = Regex.Escape(name);
        return FindFirst(path, new Regex(@"\b(?:class|struct|interface|enum|record)\s+@?" + n + @"\b"))
            ?? FindFirst(path, new Regex(@"\bdelegate\s+[^;=]*\b" + n + @"\s*[<(]"));
    }

    /// <summary>
    /// Line declaring member <paramref name="name"/> of the given shape. With <paramref name="nearLine"/> (the
    /// member's first sequence point), searches upwards from it first: the signature sits just above the body.
    /// </summary>
    public int? FindMember(string path, string name, MemberShape shape, int? nearLine)
    {
        string[] lines = Lines(path);
        if (lines == null)
        {
            return null;
        }

        string n = Regex.Escape(name);
        Regex declaration = shape switch
        {
            MemberShape.Method => new Regex(@"^\s*(?:\[[^\]]*\]\s*)*(?:" + Modifiers + @"+(?:" + TypeToken + @"\s+)?|" + TypeToken + @"\s+)@?" + n + @"\s*(?:<[^()]*>)?\s*\("),
            MemberShape.Field => new Regex(@"^\s*(?:\[[^\]]*\]\s*)*" + Modifiers + @"*[\w<>\[\],.?() ]+?\s+@?" + n + @"\s*(?:=|;|,)"),
            MemberShape.Property => new Regex(@"^\s*(?:\[[^\]]*\]\s*)*" + Modifiers + @"*[\w<>\[\],.?() ]+?\s+@?" + n + @"\s*(?:\{|=>|$)"),
            MemberShape.Event => new Regex(@"\bevent\b[^;]*\b" + n + @"\b"),
            _ => new Regex(@"\b" + n + @"\b"),
        };

        if (nearLine is int near && near >= 1 && near <= lines.Length)
        {
            for (int i = near - 1; i >= Math.Max(0, near - 40); i--)
            {
                if (declaration.IsMatch(lines[i]) && !StartsWithStatement(lines[i]))
                {
                    return i + 1;
                }
            }
        }

        for (int i = 0; i < lines.Length; i++)
        {
            if (declaration.IsMatch(lines[i]) && !StartsWithStatement(lines[i]))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>The first <c>*.cs</c> file under <paramref name="directories"/> declaring type <paramref name="name"/>.</summary>
    public string FindTypeFile(IEnumerable<string> directories, string name)
    {
        foreach (string directory in directories.Where(Directory.Exists))
        {
            foreach (string file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                string normalized = file.Replace('\\', '/');
                if (normalized.Contains("/obj/") || normalized.Contains("/bin/"))
                {
                    continue;
                }

                if (FindType(file, name) != null)
                {
                    return file;
                }
            }
        }

        return null;
    }

    private int? FindFirst(string path, Regex regex)
    {
        string[] lines = Lines(path);
        if (lines == null)
        {
            return null;
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].TrimStart();
            if (!trimmed.StartsWith("//", StringComparison.Ordinal) && regex.IsMatch(lines[i]))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static bool StartsWithStatement(string line)
    {
        string trimmed = line.TrimStart();
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("*", StringComparison.Ordinal))
        {
            return true;
        }

        int end = 0;
        while (end < trimmed.Length && char.IsLetter(trimmed[end]))
        {
            end++;
        }

        return StatementWords.Contains(trimmed.Substring(0, end));
    }
}
