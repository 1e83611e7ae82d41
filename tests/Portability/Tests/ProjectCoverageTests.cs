using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Wallbox.Portability.Tests;

/// <summary>
/// A portable project cannot escape the gate: every project under firmware/, drivers/ and hal/ (except the host
/// simulation, hal/Simulation, and the ESP32 HAL and its facade, which have their own tests) imports
/// build/Portable.props and is referenced by this test project, so its assembly is scanned. Needs no API list.
/// </summary>
public sealed class ProjectCoverageTests
{
    private static readonly string[] Roots = { "firmware", "drivers", "hal" };
    private static readonly string[] Excluded = { "hal/Simulation/", "hal/Esp32/" };

    [Fact]
    public void Every_portable_project_imports_Portable_props_and_is_referenced_by_the_gate_tests()
    {
        string root = GateEnvironment.RepoRoot;
        HashSet<string> referenced = ReferencedProjects(Path.Combine(root, "tests/Portability/Tests/Portability.Tests.csproj"));
        var problems = new List<string>();
        foreach (string project in PortableProjects(root))
        {
            string relative = Path.GetRelativePath(root, project).Replace('\\', '/');
            if (!ImportsPortableProps(project))
            {
                problems.Add(relative + " does not import $(RepoRoot)build/Portable.props");
            }

            if (!referenced.Contains(Path.GetFullPath(project)))
            {
                problems.Add(relative + " is not referenced by tests/Portability/Tests/Portability.Tests.csproj (add a ProjectReference and a RealAssembliesTests case)");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_known_portable_projects_are_found()
    {
        var found = PortableProjects(GateEnvironment.RepoRoot).Select(p => Path.GetRelativePath(GateEnvironment.RepoRoot, p).Replace('\\', '/')).ToList();
        Assert.Contains("hal/Hal.csproj", found);
        Assert.Contains("drivers/Drivers.csproj", found);
        Assert.Contains("firmware/Firmware.csproj", found);
    }

    private static IEnumerable<string> PortableProjects(string root)
    {
        foreach (string folder in Roots)
        {
            string directory = Path.Combine(root, folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (string project in Directory.EnumerateFiles(directory, "*.csproj", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                string relative = Path.GetRelativePath(root, project).Replace('\\', '/');
                bool generated = relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal);
                if (!generated && !Excluded.Any(e => relative.StartsWith(e, StringComparison.Ordinal)))
                {
                    yield return project;
                }
            }
        }
    }

    private static bool ImportsPortableProps(string project)
    {
        return XDocument.Load(project).Descendants()
            .Where(e => e.Name.LocalName == "Import")
            .Select(e => ((string)e.Attribute("Project") ?? "").Replace('\\', '/'))
            .Any(p => p.EndsWith("build/Portable.props", StringComparison.OrdinalIgnoreCase));
    }

    private static HashSet<string> ReferencedProjects(string testProject)
    {
        string directory = Path.GetDirectoryName(testProject);
        return XDocument.Load(testProject).Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string)e.Attribute("Include"))
            .Where(i => i != null && !i.Contains('@') && !i.Contains('*'))
            .Select(i => Path.GetFullPath(Path.Combine(directory, i.Replace('\\', '/'))))
            .ToHashSet(StringComparer.Ordinal);
    }
}
