using System.Runtime.CompilerServices;
using NUnit.Framework;

namespace FluxPerf.Tests.Datasets;

/// <summary>Finds the real dataset samples in the repository's <c>examples/datasets</c>.</summary>
internal static class ExampleDatasets
{
    public static string PathOf(string fileName)
    {
        return Path.Combine(FindRepositoryRoot(), "examples", "datasets", fileName);
    }

    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        // The samples live once in the repository, beside their licences, rather than in every
        // build output. The output folder is usually inside the repository; with --artifacts-path
        // it is not, and this source file's own compile-time path still is.
        string?[] starts = [TestContext.CurrentContext.TestDirectory, Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts)
        {
            for (var directory = start is null ? null : new DirectoryInfo(start);
                directory is not null;
                directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "FluxPerf.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        Assert.Inconclusive(
            $"no FluxPerf.sln above {TestContext.CurrentContext.TestDirectory} or {sourceFile}; "
            + "the example datasets are read from the repository's examples/datasets");
        return string.Empty;
    }
}
