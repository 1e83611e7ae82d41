using System.IO;

namespace Wallbox.Portability.Tests;

/// <summary>The command line tool's exit codes: 0 clean, 1 violations, 2 usage error, 3 API list missing.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Missing_api_list_exits_with_3()
    {
        string missing = Path.Combine(Path.GetTempPath(), "wallbox-no-such-folder", "api");
        int exit = Program.Main(new[] { "--api", missing, "--profile", "portable", GateEnvironment.OutputAssembly("NonPortableFixture.dll") });
        Assert.Equal(Program.ApiListMissing, exit);
    }

    [Fact]
    public void Unknown_profile_is_a_usage_error()
    {
        Assert.Equal(Program.UsageError, Program.Main(new[] { "--profile", "desktop", "x.dll" }));
        Assert.Equal(Program.UsageError, Program.Main(new[] { "--profile", "portable" }));
    }

    [Fact]
    public void Arguments_are_parsed()
    {
        CommandLine options = CommandLine.Parse(new[] { "--api", "a", "--profile", "esp32", "--sources", "s1", "--sources", "s2", "x.dll", "y.dll" }, out string error);
        Assert.Null(error);
        Assert.Equal("a", options.ApiDirectory);
        Assert.Equal("esp32", options.Profile);
        Assert.Equal(new[] { "s1", "s2" }, options.SourceDirectories);
        Assert.Equal(new[] { "x.dll", "y.dll" }, options.Assemblies);
    }

    [SkippableFact]
    public void Violations_exit_with_1()
    {
        GateEnvironment.RequireCatalog();
        int exit = Program.Main(new[] { "--api", GateEnvironment.Status.Path, "--profile", "portable", "--repo-root", GateEnvironment.RepoRoot, GateEnvironment.OutputAssembly("NonPortableFixture.dll") });
        Assert.Equal(Program.ViolationsFound, exit);
    }
}
