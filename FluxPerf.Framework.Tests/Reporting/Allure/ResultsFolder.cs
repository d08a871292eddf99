using System.Text.Json;

namespace FluxPerf.Tests.Reporting.Allure;

/// <summary>
/// A temporary allure-results folder, deleted on dispose, with readers for its files.
/// </summary>
internal sealed class ResultsFolder : IDisposable
{
    public ResultsFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fluxperf-allure-tests",
            Guid.NewGuid().ToString("N"), "allure-results");
    }

    public string Path { get; }

    public string[] Files(string pattern) =>
        Directory.GetFiles(Path, pattern).Select(System.IO.Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).ToArray();

    public JsonElement Json(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(
            System.IO.Path.Combine(Path, fileName)));
        return document.RootElement.Clone();
    }

    public JsonElement SingleResult() => Json(Files("*-result.json").Single());

    public string Text(string fileName) =>
        File.ReadAllText(System.IO.Path.Combine(Path, fileName));

    public void Dispose()
    {
        // FLUXPERF_KEEP_TEST_OUTPUT=1 keeps the folder, to look at the files or the report.
        if (Environment.GetEnvironmentVariable("FLUXPERF_KEEP_TEST_OUTPUT") == "1")
        {
            TestContext.Progress.WriteLine($"kept {Path}");
            return;
        }

        var root = System.IO.Path.GetDirectoryName(Path)!; // the Guid folder made above
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
