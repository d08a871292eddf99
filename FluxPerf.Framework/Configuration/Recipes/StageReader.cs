using YamlDotNet.RepresentationModel;

namespace FluxPerf.Configuration.Recipes;

/// <summary>
/// Reads one stage: defaults, then <c>global</c>, then overrides, then the stage.
/// </summary>
internal static class StageReader
{
    public static RecipeStage? Read(
        YamlValues values,
        YamlMappingNode? global,
        BenchmarkConfig globalConfig,
        YamlNode node,
        int index,
        Func<BenchmarkConfig, BenchmarkConfig>? overrides,
        List<string> warnings)
    {
        if (node is not YamlMappingNode stage)
        {
            values.Problem(
                node, $"stage {index + 1} must be a mapping (name, concurrency_levels, …)");
            return null;
        }

        var before = ProblemCount(values);
        var name = RecipeLoader.Child(stage, "name") is { } n
            ? values.String("name", n) ?? $"Stage {index + 1}"
            : $"Stage {index + 1}";
        // The global section was read once by the loader (its problems reported once, not per
        // stage); each stage starts from it, then the overrides, then its own values.
        var config = globalConfig with { StageName = name };
        config = overrides?.Invoke(config) ?? config;
        config = ApplySettings(values, stage, config, RecipeLoader.StageKeys, $"stage \"{name}\"");

        var mock = ReadMock(values, RecipeLoader.Child(stage, "mock_server")
            ?? RecipeLoader.Child(global, "mock_server"));
        config = ApplyLiteralKey(values, stage, global, config, warnings);
        var env = RecipeLoader.Child(stage, "env") is { } e ? values.StringMap("env", e) : null;
        var server = RecipeLoader.Child(stage, "server") is { } s
            ? ServerReader.Read(values, s)
            : RecipeLoader.Child(global, "server") is { } gs ? ServerReader.Read(values, gs) : null;

        var slo = config.SloFile is { } sloPath ? SloLoader.TryLoad(sloPath, values) : null;
        ValidateWhole(values, stage, name, config, mock is not null, before);
        return new RecipeStage
        {
            Config = config,
            Environment = env ?? new Dictionary<string, string>(),
            Server = server,
            MockServer = mock,
            Slo = slo,
        };
    }

    internal static BenchmarkConfig ApplySettings(
        YamlValues values,
        YamlMappingNode? map,
        BenchmarkConfig config,
        IEnumerable<string> extraKeys,
        string where)
    {
        if (map is null)
        {
            return config;
        }

        var extras = extraKeys.ToHashSet(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (ConfigKeys.IsSetting(key))
            {
                config = ConfigKeys.Set(config, key, valueNode, values);
            }
            else if (!extras.Contains(key))
            {
                values.Problem(keyNode, $"unknown setting \"{key}\" in {where}"
                    + Suggest.DidYouMean(key, ConfigKeys.Names.Concat(extras))
                    + " (docs/recipes.md lists every setting)");
            }
        }

        return config;
    }

    private static Dictionary<string, string>? ReadMock(YamlValues values, YamlNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode:
                return values.Bool("mock_server", node) == true
                    ? new Dictionary<string, string>(StringComparer.Ordinal)
                    : null;
            case YamlMappingNode map:
                var options = values.StringMap("mock_server", map)
                    ?? new Dictionary<string, string>();
                var enabled = !options.TryGetValue("enabled", out var flag)
                    || flag.Equals("true", StringComparison.OrdinalIgnoreCase);
                return enabled
                    ? options.Where(p => p.Key != "enabled").ToDictionary(p => p.Key, p => p.Value,
                        StringComparer.Ordinal)
                    : null;
            default:
                values.Problem(node, "mock_server must be true/false or a mapping of mock options");
                return null;
        }
    }

    private static BenchmarkConfig ApplyLiteralKey(
        YamlValues values,
        YamlMappingNode stage,
        YamlMappingNode? global,
        BenchmarkConfig config,
        List<string> warnings)
    {
        var node = RecipeLoader.Child(stage, "api_key") ?? RecipeLoader.Child(global, "api_key");
        if (node is null || values.String("api_key", node) is not { } key)
        {
            return config;
        }

        // The key is handed to the client through this process's environment, so it lives in
        // no configuration object, result file or log; only its variable's name is recorded.
        Environment.SetEnvironmentVariable(RecipeLoader.LiteralKeyVariable, key);
        warnings.Add($"{values.File.Where(node)}: api_key is written in the recipe; prefer "
            + "api_key_env: NAME so the key stays out of files");
        return config with { ApiKeyEnvironmentVariable = RecipeLoader.LiteralKeyVariable };
    }

    private static void ValidateWhole(
        YamlValues values,
        YamlMappingNode stage,
        string name,
        BenchmarkConfig config,
        bool usesMock,
        int problemsBefore)
    {
        // Values that failed to parse were reported with their line already; checking the
        // assembled stage again would only repeat them in vaguer words.
        if (ProblemCount(values) > problemsBefore)
        {
            return;
        }

        foreach (var problem in config.Validate(requireEndpoint: !usesMock))
        {
            values.Problem(stage, $"stage \"{name}\": {problem}");
        }
    }

    private static int ProblemCount(YamlValues values) => values.ProblemCount;
}
