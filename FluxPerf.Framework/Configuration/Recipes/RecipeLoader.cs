using YamlDotNet.RepresentationModel;

namespace FluxPerf.Configuration.Recipes;

/// <summary>
/// Reads a recipe YAML file: a <c>global</c> section of settings and a list of <c>stages</c>
/// that override them. Everything is validated before anything runs and every problem is
/// reported at once with its file, line and column.
/// </summary>
public static class RecipeLoader
{
    /// <summary>Environment variable that carries a literal <c>api_key</c> to the client.</summary>
    public const string LiteralKeyVariable = "FLUXPERF_RECIPE_API_KEY";

    private static readonly string[] StageOnlyKeys = ["name", "env", "server"];
    private static readonly string[] SharedKeys = ["mock_server", "api_key"];

    /// <summary>
    /// Loads and validates a recipe; throws <see cref="ConfigurationException"/>.
    /// </summary>
    /// <param name="path">The recipe file.</param>
    /// <param name="overrides">Applied after <c>global</c> and before each stage's own values
    /// (command-line flags such as <c>--endpoint</c>), or <c>null</c>.</param>
    public static Recipe Load(string path, Func<BenchmarkConfig, BenchmarkConfig>? overrides = null)
    {
        var file = YamlFile.Load(path, "recipe");
        var problems = new List<string>();
        var warnings = new List<string>();
        var values = new YamlValues(file, problems);

        CheckTopLevel(file, values);
        var global = Child(file.Root, "global") as YamlMappingNode;
        var globalConfig = StageReader.ApplySettings(values, global, new BenchmarkConfig(),
            GlobalKeys, "global");
        var stagesNode = Child(file.Root, "stages");
        var stages = new List<RecipeStage>();
        if (stagesNode is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            problems.Add($"{file.Path}: the recipe has no stages; add a \"stages:\" list with at "
                + "least one stage (name, concurrency_levels, num_samples)");
        }
        else
        {
            for (var i = 0; i < list.Children.Count; i++)
            {
                var stage = StageReader.Read(values, global, globalConfig, list.Children[i], i,
                    overrides, warnings);
                if (stage is not null)
                {
                    stages.Add(stage);
                }
            }
        }

        CheckDuplicateNames(file, stages, problems);
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        return new Recipe(file.Path, stages, warnings);
    }

    /// <summary>Keys a stage accepts beyond the settings.</summary>
    internal static IEnumerable<string> StageKeys => StageOnlyKeys.Concat(SharedKeys);

    /// <summary>Keys <c>global</c> accepts beyond the settings.</summary>
    internal static IEnumerable<string> GlobalKeys => SharedKeys;

    internal static YamlNode? Child(YamlMappingNode? map, string key) =>
        map?.Children.TryGetValue(new YamlScalarNode(key), out var node) == true ? node : null;

    private static void CheckTopLevel(YamlFile file, YamlValues values)
    {
        foreach (var key in file.Root.Children.Keys.Cast<YamlScalarNode>())
        {
            if (key.Value is not ("global" or "stages"))
            {
                values.Problem(key, $"unknown top-level key \"{key.Value}\"; a recipe has "
                    + "\"global\" and \"stages\"" + Suggest.DidYouMean(key.Value ?? "",
                        ["global", "stages"]));
            }
        }

        if (Child(file.Root, "global") is { } g and not YamlMappingNode)
        {
            values.Problem(g, "global must be a mapping of setting: value lines");
        }
    }

    private static void CheckDuplicateNames(
        YamlFile file,
        List<RecipeStage> stages,
        List<string> problems)
    {
        foreach (var name in stages.GroupBy(s => s.Name).Where(g => g.Count() > 1)
            .Select(g => g.Key))
        {
            problems.Add($"{file.Path}: two or more stages are named \"{name}\"; stage names "
                + "must be unique (they name the test cases and result sections)");
        }
    }
}
