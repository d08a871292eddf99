using FluxPerf.Configuration.Recipes;
using FluxPerf.Metrics;
using YamlDotNet.RepresentationModel;

namespace FluxPerf.Configuration;

/// <summary>Reads one entry of an SLO file's <c>gates</c> list.</summary>
internal static class GateReader
{
    private static readonly string[] Stats =
        ["avg", "p50", "p90", "p95", "p99", "min", "max", "stddev"];

    public static Gate? Read(YamlValues v, YamlNode node, string[] keys)
    {
        if (node is not YamlMappingNode map)
        {
            v.Problem(
                node, "a gate must be a mapping such as {metric: ttft_ms, stat: p95, max: 300}");
            return null;
        }

        foreach (var key in map.Children.Keys.Cast<YamlScalarNode>()
            .Where(k => !keys.Contains(k.Value)))
        {
            v.Problem(key, $"unknown gate key \"{key.Value}\""
                + Suggest.DidYouMean(key.Value ?? "", keys)
                + $"; allowed: {string.Join(", ", keys)}");
        }

        var metricNode = RecipeLoader.Child(map, "metric");
        var metric = metricNode is null ? null : v.String("metric", metricNode);
        if (metric is null)
        {
            v.Problem(node, "a gate needs a metric, e.g. metric: ttft_ms");
            return null;
        }

        if (!GateCatalog.All.Contains(metric))
        {
            v.Problem(metricNode!, $"unknown gate metric \"{metric}\"" // set when metric is set
                + Suggest.DidYouMean(metric, GateCatalog.All)
                + $"; allowed: {string.Join(", ", GateCatalog.All)}");
            return null;
        }

        var stat = ReadStat(v, map, GateCatalog.Canonical(metric));
        var round = ReadRound(v, map);
        var (max, min) = SloLoader.Bounds(v, $"gate {metric}", map);
        return new Gate(GateCatalog.Canonical(metric), stat, round, max, min, v.File.Where(node));
    }

    private static string? ReadStat(YamlValues v, YamlMappingNode map, string metric)
    {
        var node = RecipeLoader.Child(map, "stat");
        var stat = node is null ? null : v.String("stat", node);
        if (!GateCatalog.IsDistribution(metric))
        {
            if (stat is not null)
            {
                v.Problem(node!, // non-null stat
                    $"{metric} is a single figure; remove stat: {stat}");
            }

            return null;
        }

        stat ??= "p50";
        if (!Stats.Contains(stat))
        {
            v.Problem(node!, // p50 default is known
                $"unknown stat \"{stat}\"" + Suggest.DidYouMean(stat, Stats)
                + $"; allowed: {string.Join(", ", Stats)}");
        }

        return stat;
    }

    private static GateRound ReadRound(YamlValues v, YamlMappingNode map)
    {
        var node = RecipeLoader.Child(map, "round");
        var text = node is null ? "2" : v.String("round", node);
        switch (text)
        {
            case "1":
                return GateRound.Round1;
            case "2" or null:
                return GateRound.Round2;
            case "both":
                return GateRound.Both;
            default:
                v.Problem(node!, // default "2" handled
                    $"round is \"{text}\"; choose 1, 2 or both");
                return GateRound.Round2;
        }
    }
}
