namespace FluxPerf.Tests;

/// <summary>
/// Gives each test a new empty folder under the system temp folder and deletes it afterwards,
/// so a test that writes files never sees another test's.
/// </summary>
public abstract class TempFolderTests
{
    /// <summary>The current test's folder.</summary>
    protected string Folder { get; private set; } = "";

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string NewFolder()
    {
        var path = Path.Combine(
            Path.GetTempPath(), "fluxperf-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Runs before the derived fixture's own set-up.</summary>
    [SetUp]
    public void CreateFolder() => Folder = NewFolder();

    /// <summary>Removes everything the test wrote.</summary>
    [TearDown]
    public void DeleteFolder() => Directory.Delete(Folder, recursive: true);
}
