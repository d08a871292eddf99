using System.Runtime.CompilerServices;

namespace FluxPerf.Tests;

/// <summary>
/// Finds files that live once in the repository (examples, test data) rather than in every build
/// output: above the test output folder, or, when the build lives outside the checkout
/// (<c>--artifacts-path</c>), above this source file's compile-time path.
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that holds FluxPerf.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FluxPerf.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"FluxPerf.sln not found above {AppContext.BaseDirectory} or {sourceFile}");
    }
}
