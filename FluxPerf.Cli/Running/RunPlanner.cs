using System.CommandLine;
using FluxPerf.Cli.Commands;
using FluxPerf.Configuration;
using FluxPerf.Configuration.Recipes;
using FluxPerf.MockServer;

namespace FluxPerf.Cli.Running;

/// <summary>
/// Turns the parsed flags into a <see cref="RunPlan"/>: a recipe with the given flags laid over
/// its global values, or one stage named <c>default</c> built from the flags alone. Throws
/// <see cref="ConfigurationException"/> listing every problem.
/// </summary>
internal sealed partial class RunPlanner
{
    private readonly ParseResult _parse;
    private readonly RunFlags _flags;
    private readonly List<string> _problems = [];
    private readonly Uri? _endpoint;
    private readonly Uri? _resetUrl;
    private readonly IReadOnlyList<Uri>? _prometheusUrls;
    private readonly Dictionary<string, string> _mockSettings;

    private RunPlanner(ParseResult parse, RunFlags flags)
    {
        _parse = parse;
        _flags = flags;
        _endpoint = Has(flags.Endpoint) ? Url(flags.Endpoint, Get(flags.Endpoint)) : null;
        _resetUrl = Has(flags.ResetCacheUrl)
            ? Url(flags.ResetCacheUrl, Get(flags.ResetCacheUrl))
            : null;
        _prometheusUrls = Has(flags.PrometheusUrls)
            ? Get(flags.PrometheusUrls).Select(u => Url(flags.PrometheusUrls, u))
                .OfType<Uri>().ToArray()
            : null;
        _mockSettings = MockSettings(Has(flags.MockOptions) ? Get(flags.MockOptions) : []);
    }

    private bool MockServer => _parse.GetValue(_flags.MockServer);

    /// <summary>Builds the plan from the parsed flags.</summary>
    public static RunPlan Create(ParseResult parse, RunFlags flags) =>
        new RunPlanner(parse, flags).Plan();

    private RunPlan Plan()
    {
        ThrowIfProblems();

        var stages = _parse.GetValue(_flags.Recipe) is { } recipePath
            ? FromRecipe(recipePath, out var warnings)
            : FromFlags(out warnings);
        CheckMockSettings(stages);
        return new RunPlan(stages, MockServer, stages[0].Config.OutputDirectory, warnings);
    }

    private List<RecipeStage> FromRecipe(string path, out IReadOnlyList<string> warnings)
    {
        var recipe = RecipeLoader.Load(path, Apply);
        warnings = recipe.Warnings;
        var stages = recipe.Stages.Select(WithMock).ToList();
        if (_mockSettings.Count > 0 && !stages.Any(s => s.UsesEmbeddedMock))
        {
            throw new ConfigurationException("--mock-option is given, but no stage of "
                + $"\"{path}\" runs against the embedded mock; add --mock-server or give the "
                + "stage a mock_server: section");
        }

        return stages;
    }

    private List<RecipeStage> FromFlags(out IReadOnlyList<string> warnings)
    {
        warnings = [];
        if (_mockSettings.Count > 0 && !MockServer)
        {
            throw new ConfigurationException("--mock-option is given without --mock-server; add "
                + "--mock-server to run against the embedded mock");
        }

        var config = Apply(new BenchmarkConfig());
        var problems = config.Validate(requireEndpoint: !MockServer).Select(Hint).ToList();
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        var slo = config.SloFile is { } sloPath ? SloLoader.Load(sloPath) : null;
        return
        [
            new RecipeStage
            {
                Config = config,
                MockServer = MockServer ? _mockSettings : null,
                Slo = slo,
            },
        ];
    }

    /// <summary>With --mock-server every stage targets the mock, so a recipe's reset and
    /// metrics URLs (written for a real server) give way to the mock's unless given as
    /// flags.</summary>
    private RecipeStage WithMock(RecipeStage stage)
    {
        if (MockServer)
        {
            return stage with
            {
                MockServer = Merge(stage.MockServer),
                Config = stage.Config with
                {
                    ResetCacheUrl = _resetUrl,
                    PrometheusUrls = _prometheusUrls ?? [],
                },
            };
        }

        return stage.UsesEmbeddedMock ? stage with { MockServer = Merge(stage.MockServer) } : stage;
    }

    private Dictionary<string, string> Merge(IReadOnlyDictionary<string, string>? recipe)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in
            (recipe ?? new Dictionary<string, string>()).Concat(_mockSettings))
        {
            merged[key] = value;
        }

        return merged;
    }

    private string Hint(string problem) =>
        problem.StartsWith("endpoint is missing", StringComparison.Ordinal)
            ? "endpoint is missing; give --endpoint http://HOST:PORT/v1/chat/completions, or "
                + "--mock-server to run against the built-in mock"
            : problem.StartsWith("dataset is missing", StringComparison.Ordinal)
                ? "dataset is missing; give --dataset FILE (JSON or JSONL), or --recipe FILE"
                : problem;

    /// <summary>Bad mock settings are reported before the run folder is created, not when the
    /// stage that uses them starts.</summary>
    private static void CheckMockSettings(List<RecipeStage> stages)
    {
        var problems = stages
            .Where(s => s.UsesEmbeddedMock)
            .SelectMany(s => MockServerSettings.TryCreate(s.MockServer!, out _, out var errors)
                ? [] : errors) // not null: UsesEmbeddedMock
            .Distinct()
            .ToList();
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }
    }

    private void ThrowIfProblems()
    {
        if (_problems.Count > 0)
        {
            throw new ConfigurationException(_problems);
        }
    }

    // A switch (Option<bool>) has a result even when absent, an implicit one holding false;
    // only a result from the command line itself overrides a recipe.
    private bool Has(Option option) => _parse.GetResult(option) is { Implicit: false };

    private T Get<T>(Option<T> option) =>
        _parse.GetValue(option)!; // not null: called only for options that were given

    private Uri? Url(Option option, string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        _problems.Add($"{option.Name} \"{text}\" is not an absolute http(s) URL, e.g. "
            + "http://localhost:8000/...");
        return null;
    }

    private Dictionary<string, string> MockSettings(string[] pairs)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                _problems.Add($"--mock-option \"{pair}\" is not key=value, e.g. "
                    + "prefill_ms_per_token=0.2");
                continue;
            }

            var key = pair[..equals].Trim().TrimStart('-').Replace('-', '_');
            settings[key] = pair[(equals + 1)..].Trim();
        }

        return settings;
    }
}
