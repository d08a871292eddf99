namespace FluxPerf.Scenarios;

/// <summary>
/// The scenario parameters from <c>.runsettings</c> (<c>TestRunParameters</c>), which are
/// already filled at discovery, so the recipe can be chosen before test cases exist.
/// </summary>
internal sealed record ScenarioSettings
{
    public const string Embedded = "embedded";

    public required string RepositoryRoot { get; init; }

    public required string RecipePath { get; init; }

    public required string Endpoint { get; init; }

    public string? Model { get; init; }

    public string? SloPath { get; init; }

    public required string OutputDirectory { get; init; }

    public string? ApiKeyEnvironmentVariable { get; init; }

    /// <summary>
    /// Where Allure results go; default <c>allure-results</c> beside the run folders.
    /// </summary>
    public required string AllureResultsDirectory { get; init; }

    /// <summary>
    /// True when a URL was given: every stage targets it instead of the recipe's.
    /// </summary>
    public bool HasEndpointOverride => !string.Equals(Endpoint, Embedded, StringComparison.Ordinal)
        && Endpoint.Length > 0;

    public static ScenarioSettings FromTestContext()
    {
        var root = FindRepositoryRoot();
        var output = Resolve(root, Get("output_dir") ?? "benchmark_results");
        return new ScenarioSettings
        {
            RepositoryRoot = root,
            RecipePath = Resolve(root, Get("recipe") ?? "examples/recipe_quickstart.yaml"),
            Endpoint = Get("endpoint") ?? Embedded,
            Model = Get("model"),
            SloPath = Get("slo") is { } slo ? Resolve(root, slo) : null,
            OutputDirectory = output,
            AllureResultsDirectory = Get("allure_results") is { } allure
                ? Resolve(root, allure)
                : Path.Combine(output, "allure-results"),
            ApiKeyEnvironmentVariable = Get("api_key_env"),
        };
    }

    private static string? Get(string name) =>
        TestContext.Parameters.Get(name) is { Length: > 0 } value ? value : null;

    private static string Resolve(string root, string path) => Path.GetFullPath(path, root);

    // The tests run from bin/<config>/net10.0 (or an artifacts folder); paths in .runsettings
    // are written relative to the repository, so they resolve against the folder that holds
    // FluxPerf.sln: above the test binaries, above the working folder, or, for builds placed
    // outside the repository, above this source file as it was compiled.
    private static string FindRepositoryRoot()
    {
        string[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory, SourceFolder()];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FluxPerf.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Environment.CurrentDirectory;
    }

    private static string SourceFolder(
        [System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? Environment.CurrentDirectory;
}
