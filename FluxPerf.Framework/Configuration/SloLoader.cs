using FluxPerf.Configuration.Recipes;
using FluxPerf.Metrics;
using YamlDotNet.RepresentationModel;

namespace FluxPerf.Configuration;

/// <summary>
/// Reads an SLO file: <c>constraints</c> (per-request goodput criteria) and <c>gates</c>
/// (thresholds that pass or fail a level). Unknown metrics or statistics are errors.
/// </summary>
public static class SloLoader
{
    private static readonly string[] TopKeys = ["constraints", "gates"];
    private static readonly string[] GateKeys = ["metric", "stat", "round", "max", "min"];
    private static readonly string[] ConstraintNames =
        ["ttft_ms", "itl_ms", "tpot_ms", "latency_ms", "e2e_latency_ms", "output_token_throughput"];

    /// <summary>
    /// Loads and validates an SLO file; throws <see cref="ConfigurationException"/>.
    /// </summary>
    public static SloSpec Load(string path)
    {
        var problems = new List<string>();
        var file = YamlFile.Load(path, "SLO file");
        var spec = Read(new YamlValues(file, problems));
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        return spec;
    }

    /// <summary>Loads an SLO file named in a recipe, adding its problems to the recipe's.</summary>
    internal static SloSpec? TryLoad(string path, YamlValues recipe)
    {
        try
        {
            return Load(path);
        }
        catch (ConfigurationException e)
        {
            foreach (var problem in e.Problems)
            {
                recipe.RawProblem(problem);
            }

            return null;
        }
    }

    private static SloSpec Read(YamlValues v)
    {
        var root = v.File.Root;
        foreach (var key in root.Children.Keys.Cast<YamlScalarNode>()
            .Where(k => !TopKeys.Contains(k.Value)))
        {
            v.Problem(key, $"unknown key \"{key.Value}\" in the SLO file; it has "
                + "\"constraints\" and \"gates\"" + Suggest.DidYouMean(key.Value ?? "", TopKeys));
        }

        var criteria = RecipeLoader.Child(root, "constraints") is { } c ? Constraints(v, c) : new();
        var gates = RecipeLoader.Child(root, "gates") is { } g ? Gates(v, g) : [];
        return new SloSpec(Path.GetFullPath(v.File.Path), criteria, gates);
    }

    private static GoodputCriteria Constraints(YamlValues v, YamlNode node)
    {
        var criteria = new GoodputCriteria();
        if (node is not YamlMappingNode map)
        {
            v.Problem(node, "constraints must be a mapping such as {ttft_ms: {max: 500}}");
            return criteria;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value ?? "";
            var (max, min) = Bounds(v, $"constraints.{name}", value);
            criteria = name switch
            {
                "ttft_ms" => criteria with { MaxTtftMs = max },
                "itl_ms" => criteria with { MaxItlMs = max },
                "tpot_ms" => criteria with { MaxTpotMs = max },
                "latency_ms" or "e2e_latency_ms" => criteria with { MaxE2eLatencyMs = max },
                "output_token_throughput" => criteria with { MinOutputTokenThroughput = min },
                _ => Unknown(v, keyNode, name, criteria),
            };
        }

        return criteria;
    }

    private static GoodputCriteria Unknown(
        YamlValues v,
        YamlNode node,
        string name,
        GoodputCriteria c)
    {
        v.Problem(node, $"unknown constraint \"{name}\"" + Suggest.DidYouMean(name, ConstraintNames)
            + $"; allowed: {string.Join(", ", ConstraintNames)}");
        return c;
    }

    private static List<Gate> Gates(YamlValues v, YamlNode node)
    {
        if (node is not YamlSequenceNode list)
        {
            v.Problem(node, "gates must be a list of {metric, stat, round, max | min}");
            return [];
        }

        return list.Children.Select(child => GateReader.Read(v, child, GateKeys))
            .OfType<Gate>().ToList();
    }

    internal static (double? Max, double? Min) Bounds(YamlValues v, string key, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            v.Problem(node, $"{key} must be a mapping such as {{max: 500}} or {{min: 20}}");
            return (null, null);
        }

        var max = RecipeLoader.Child(map, "max") is { } a ? v.Double($"{key}.max", a) : null;
        var min = RecipeLoader.Child(map, "min") is { } b ? v.Double($"{key}.min", b) : null;
        if (max is null && min is null)
        {
            v.Problem(node, $"{key} needs max or min");
        }

        return (max, min);
    }
}
