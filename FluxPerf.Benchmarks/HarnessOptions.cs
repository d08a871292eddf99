using System.Globalization;

namespace FluxPerf.Benchmarks;

/// <summary>The harness's command line: which levels, how long the streams are, where results go.
/// </summary>
internal sealed record HarnessOptions
{
    public bool Quick { get; init; }

    public IReadOnlyList<int> Levels { get; init; } = [1, 64, 512, 2048];

    /// <summary>Tokens per stream; a few hundred makes per-token costs dominate per-request ones.
    /// </summary>
    public int Tokens { get; init; } = 200;

    public int AnalysisRecords { get; init; } = 1_000_000;

    public string RepositoryRoot { get; init; } = "";

    /// <summary>Writes benchmarks/results and docs/performance.md; off for smoke runs that
    /// should leave the checkout untouched.</summary>
    public bool WriteFiles { get; init; } = true;

    public string CommandLine { get; init; } = "";

    /// <summary>Prints the types each level allocates most (sampled; costs CPU).</summary>
    public bool AllocationProfile { get; init; }

    /// <summary>
    /// The mock's scheduling priority. Below normal by default: a user's server does not
    /// share the client's cores, so when the two cores are short the mock should fall behind
    /// its schedule (which "mock on time" shows and filters) rather than starve the client
    /// whose clock is under test.
    /// </summary>
    public bool MockBelowNormal { get; init; } = true;

    /// <summary>
    /// The mock's event gap for the paced level at concurrency 512, or 0 for none. At 10 ms a
    /// mock with 512 streams writes 51,200 events a second, more than one inference server
    /// decodes (vLLM's decode step at batch 512 takes tens of ms), and together with the
    /// client it fills both cores; 40 ms (12,800 tokens/s) is a large server's real rate and
    /// leaves the machine room, so the client's own error shows instead of the machine's.
    /// </summary>
    public double PacedItlMs { get; init; } = 40;

    public static HarnessOptions Parse(string[] args)
    {
        var options = new HarnessOptions { CommandLine = Describe(args) };
        var levelsGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            (options, i, levelsGiven) = ParseOne(options, args, i, levelsGiven);
        }

        if (options.Quick && !levelsGiven)
        {
            options = options with { Levels = [1, 64] };
        }

        return options.RepositoryRoot.Length > 0
            ? options
            : options with { RepositoryRoot = FindRepositoryRoot() };
    }

    private static (HarnessOptions, int, bool) ParseOne(
        HarnessOptions options,
        string[] args,
        int i,
        bool levelsGiven)
    {
        string Value() => i + 1 < args.Length
            ? args[++i]
            : throw new ArgumentException($"{args[i]} needs a value; run with --help");

        return args[i] switch
        {
            "--quick" => (options with { Quick = true, AnalysisRecords = 100_000, PacedItlMs = 0 },
                i, levelsGiven),
            "--paced-itl-ms" => (options with { PacedItlMs = ParseNonNegative(Value()) }, i,
                levelsGiven),
            "--levels" => (options with { Levels = ParseLevels(Value()) }, i, true),
            "--tokens" => (options with { Tokens = ParsePositive("--tokens", Value()) }, i,
                levelsGiven),
            "--records" => (options with { AnalysisRecords = ParsePositive("--records", Value()) },
                i, levelsGiven),
            "--repo" => (options with { RepositoryRoot = Path.GetFullPath(Value()) }, i,
                levelsGiven),
            "--no-write" => (options with { WriteFiles = false }, i, levelsGiven),
            "--alloc-profile" => (options with { AllocationProfile = true, WriteFiles = false }, i,
                levelsGiven),
            "--mock-priority" => (options with { MockBelowNormal = ParsePriority(Value()) }, i,
                levelsGiven),
            _ => throw new ArgumentException(
                $"unknown argument \"{args[i]}\"; allowed: --quick, --levels 1,64,512,2048, "
                + "--tokens 200, --records 1000000, --repo <checkout>, --no-write, "
                + "--alloc-profile, "
                + "--mock-priority below-normal|normal, --paced-itl-ms 40 (0: none)"),
        };
    }

    private static double ParseNonNegative(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && value >= 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentException(
                $"--paced-itl-ms value \"{text}\" is not a number of milliseconds >= 0");

    private static bool ParsePriority(string text) => text switch
    {
        "below-normal" => true,
        "normal" => false,
        _ => throw new ArgumentException(
            $"--mock-priority value \"{text}\" is not one of below-normal, normal"),
    };

    private static List<int> ParseLevels(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => ParsePositive("--levels", part))];

    private static int ParsePositive(string flag, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value > 0
            ? value
            : throw new ArgumentException(
                $"{flag} value \"{text}\" is not a positive whole number");

    private static string Describe(string[] args) =>
        "dotnet run -c Release --project FluxPerf.Benchmarks"
        + (args.Length == 0 ? "" : " -- " + string.Join(' ', args));

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null;
            folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FluxPerf.sln")))
            {
                return folder.FullName;
            }
        }

        throw new ArgumentException(
            $"no FluxPerf.sln above \"{Environment.CurrentDirectory}\"; run from the checkout or "
            + "pass --repo <checkout>");
    }
}
