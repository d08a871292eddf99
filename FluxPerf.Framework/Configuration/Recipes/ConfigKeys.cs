using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace FluxPerf.Configuration.Recipes;

/// <summary>
/// Every <see cref="BenchmarkConfig"/> setting a recipe's <c>global</c> section or a stage can
/// set, by its snake_case name, with how its value is read.
/// </summary>
internal static class ConfigKeys
{
    private delegate BenchmarkConfig Apply(
        BenchmarkConfig c,
        string key,
        YamlNode node,
        YamlValues v);

    private static readonly Dictionary<string, BenchmarkMode> Modes = new(StringComparer.Ordinal)
    {
        ["dual_round"] = BenchmarkMode.DualRound,
        ["multi_turn"] = BenchmarkMode.MultiTurn,
    };

    private static readonly Dictionary<string, ResetVerificationPolicy> Policies =
        new(StringComparer.Ordinal)
        {
            ["none"] = ResetVerificationPolicy.None,
            ["warn"] = ResetVerificationPolicy.Warn,
            ["strict"] = ResetVerificationPolicy.Strict,
        };

    private static readonly Dictionary<string, Apply> Table = new(StringComparer.Ordinal)
    {
        ["dataset"] = (c, k, n, v) => v.PathValue(k, n) is { } p ? c with { DatasetPath = p } : c,
        ["endpoint"] = (c, k, n, v) => v.Url(k, n) is { } u ? c with { Endpoint = u } : c,
        ["model"] = (c, k, n, v) => c with { Model = v.String(k, n) },
        ["mode"] = (c, k, n, v) => v.Choice(k, n, Modes) is { } m ? c with { Mode = m } : c,
        ["concurrency_levels"] = (c, k, n, v) =>
            v.IntList(k, n, 1) is { } l ? c with { ConcurrencyLevels = l } : c,
        ["num_samples"] = (c, k, n, v) =>
            v.IntList(k, n, 1) is { } l ? c with { NumSamples = l } : c,
        ["max_input_length"] = (c, k, n, v) => c with { MaxInputLength = v.Int(k, n, 1) },
        ["max_output_tokens"] = (c, k, n, v) => c with { MaxOutputTokens = v.Int(k, n, 1) },
        ["temperature"] = (c, k, n, v) => c with { Temperature = v.Double(k, n) },
        ["ignore_eos"] = (c, k, n, v) => c with { IgnoreEos = v.Bool(k, n) ?? c.IgnoreEos },
        ["api_key_env"] = (c, k, n, v) => c with { ApiKeyEnvironmentVariable = v.String(k, n) },
        ["timeout"] = (c, k, n, v) => v.Double(k, n) is { } s
            ? c with { RequestTimeout = TimeSpan.FromSeconds(s) } : c,
        ["shuffle_round2"] = (c, k, n, v) =>
            c with { ShuffleRound2 = v.Bool(k, n) ?? c.ShuffleRound2 },
        ["seed"] = (c, k, n, v) => c with { Seed = v.Int(k, n) ?? c.Seed },
        ["output_dir"] = (c, k, n, v) =>
            v.PathValue(k, n) is { } p ? c with { OutputDirectory = p } : c,
        ["save_requests"] = (c, k, n, v) =>
            c with { SaveRequests = v.Bool(k, n) ?? c.SaveRequests },
        ["debug"] = (c, k, n, v) => c with { Debug = v.Bool(k, n) ?? c.Debug },
        ["debug_log_dir"] = (c, k, n, v) => c with { DebugLogDirectory = v.PathValue(k, n) },
        ["max_context_tokens"] = (c, k, n, v) => c with { MaxContextTokens = v.Int(k, n, 1) },
        ["replay_recorded_replies"] = (c, k, n, v) =>
            c with { ReplayRecordedReplies = v.Bool(k, n) ?? c.ReplayRecordedReplies },
        ["reset_cache_url"] = (c, k, n, v) => c with { ResetCacheUrl = v.Url(k, n) },
        ["reset_cache_between_rounds"] = (c, k, n, v) =>
            c with { ResetCacheBetweenRounds = v.Bool(k, n) ?? c.ResetCacheBetweenRounds },
        ["reset_cache_between_concurrency"] = (c, k, n, v) =>
            c with
            {
                ResetCacheBetweenConcurrency = v.Bool(k, n) ?? c.ResetCacheBetweenConcurrency,
            },
        ["reset_cache_at_end"] = (c, k, n, v) =>
            c with { ResetCacheAtEnd = v.Bool(k, n) ?? c.ResetCacheAtEnd },
        ["reset_verification"] = (c, k, n, v) =>
            v.Choice(k, n, Policies) is { } p ? c with { ResetVerification = p } : c,
        ["prometheus_url"] = (c, k, n, v) =>
            v.UrlList(k, n) is { } l ? c with { PrometheusUrls = l } : c,
        ["prometheus_metrics"] = (c, k, n, v) =>
            v.StringList(k, n) is { } l ? c with { PrometheusMetrics = l } : c,
        ["scrape_interval"] = (c, k, n, v) => v.Double(k, n) is { } s
            ? c with { ScrapeInterval = TimeSpan.FromSeconds(s) } : c,
        ["slo_file"] = (c, k, n, v) => c with { SloFile = v.PathValue(k, n) },
        ["extra_headers"] = (c, k, n, v) =>
            v.StringMap(k, n) is { } m ? c with { ExtraHeaders = m } : c,
        ["extra_body"] = (c, k, n, v) => c with { ExtraBody = ExtraBody(k, n, v) },
    };

    /// <summary>Every setting name, for did-you-mean suggestions and docs.</summary>
    public static IReadOnlyCollection<string> Names => Table.Keys;

    /// <summary>True when <paramref name="key"/> names a setting.</summary>
    public static bool IsSetting(string key) => Table.ContainsKey(key);

    /// <summary>Applies one setting; a bad value adds a problem and keeps the old value.</summary>
    public static BenchmarkConfig Set(
        BenchmarkConfig config,
        string key,
        YamlNode node,
        YamlValues v) =>
        Table[key](config, key, node, v);

    private static Dictionary<string, JsonNode?> ExtraBody(string key, YamlNode node, YamlValues v)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            v.Problem(node, $"{key} must be a mapping of field: value lines");
            return result;
        }

        foreach (var (k, value) in map.Children)
        {
            result[((YamlScalarNode)k).Value ?? ""] = ToJson(value);
        }

        return result;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p =>
            KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", ToJson(p.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.Plain } s =>
            JsonValue.Create(s.Value),
        YamlScalarNode s => ScalarToJson(s.Value),
        _ => null,
    };

    private static JsonValue? ScalarToJson(string? text)
    {
        if (text is null or "null" or "~")
        {
            return null;
        }

        if (bool.TryParse(text, out var b))
        {
            return JsonValue.Create(b);
        }

        return double.TryParse(text, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? JsonValue.Create(d)
            : JsonValue.Create(text);
    }
}
