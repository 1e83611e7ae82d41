using System.IO;

namespace Wallbox.Portability.Tests;

/// <summary>Where the API list is looked for, and what happens when it is missing — without touching the environment.</summary>
public sealed class ApiFolderLocatorTests
{
    private static readonly string Missing = Path.Combine(Path.GetTempPath(), "wallbox-no-such-folder", "api");

    [Fact]
    public void Missing_api_list_skips_with_a_clear_message_on_developer_machines()
    {
        ApiFolderStatus status = ApiFolderLocator.Evaluate(Missing, ApiFolderLocator.Exists(Missing), null);

        Assert.False(status.IsAvailable);
        Assert.True(status.ShouldSkip);
        Assert.False(status.MustFail);
        Assert.Equal(
            "nanoFramework API list not found at " + Missing + ": portability gate skipped (clone the steering repository beside this one or set WALLBOX_NANOFRAMEWORK_API)",
            status.Message);
    }

    [Fact]
    public void Missing_api_list_fails_when_CI_requires_the_gate()
    {
        ApiFolderStatus status = ApiFolderLocator.Evaluate(Missing, false, "1");

        Assert.True(status.MustFail);
        Assert.False(status.ShouldSkip);
        Assert.Contains("CI requires the portability gate", status.Message);
        Assert.Contains(Missing, status.Message);
    }

    [Fact]
    public void Only_the_value_1_makes_the_gate_required()
    {
        Assert.True(ApiFolderLocator.Evaluate(Missing, false, "0").ShouldSkip);
        Assert.True(ApiFolderLocator.Evaluate(Missing, false, "").ShouldSkip);
    }

    [Fact]
    public void Present_api_list_is_available_whatever_the_flag()
    {
        ApiFolderStatus status = ApiFolderLocator.Evaluate("/somewhere/api", true, "1");

        Assert.True(status.IsAvailable);
        Assert.False(status.MustFail);
        Assert.Null(status.Message);
    }

    [Fact]
    public void Api_list_defaults_to_the_steering_repository_beside_the_repo()
    {
        string repo = Path.Combine(Path.GetTempPath(), "work", "main");

        Assert.Equal(Path.Combine(Path.GetTempPath(), "work", "shared", "nanoframework", "api"), ApiFolderLocator.Resolve(null, repo));
        Assert.Equal(Path.GetFullPath("/custom/api"), ApiFolderLocator.Resolve("/custom/api", repo));
    }

    [Fact]
    public void A_folder_without_mscorlib_txt_is_not_the_api_list()
    {
        string empty = Directory.CreateTempSubdirectory("wallbox-api-").FullName;
        try
        {
            Assert.False(ApiFolderLocator.Exists(empty));
            File.WriteAllText(Path.Combine(empty, "mscorlib.txt"), "T class System.Object\n");
            Assert.True(ApiFolderLocator.Exists(empty));
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Fact]
    public void The_repository_root_is_the_folder_holding_Firmware_sln()
    {
        string root = RepositoryRoot.Find(System.AppContext.BaseDirectory);

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, "Firmware.sln")));
    }
}
