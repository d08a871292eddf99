using System.Text.Json;

namespace FluxPerf.Tests.Datasets.Conversion;

/// <summary>
/// Builds synthetic LongBench records (no real LongBench data ships with the repo).
/// </summary>
internal static class LongBenchRecords
{
    public static string V1(
        string id,
        string dataset,
        string context,
        string input,
        string language = "en") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["input"] = input,
            ["context"] = context,
            ["answers"] = new[] { "an answer" },
            ["length"] = context.Split(' ').Length,
            ["dataset"] = dataset,
            ["language"] = language,
            ["all_classes"] = null,
            ["_id"] = id,
        });

    public static string V2(string id, string domain, string context, string question) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["_id"] = id,
            ["domain"] = domain,
            ["sub_domain"] = "Academic",
            ["difficulty"] = "easy",
            ["length"] = "short",
            ["question"] = question,
            ["choice_A"] = "alpha",
            ["choice_B"] = "beta",
            ["choice_C"] = "gamma",
            ["choice_D"] = "delta",
            ["answer"] = "B",
            ["context"] = context,
        });

    /// <summary>Three hotpotqa questions on context A, two on context B, one English qasper and
    /// one Chinese dureader record.</summary>
    public static string[] Mixed() =>
    [
        V1("h1", "hotpotqa", "Context A about rivers.", "Which river is longest?"),
        V1("h2", "hotpotqa", "Context A about rivers.", "Which river is widest?"),
        V1("h3", "hotpotqa", "Context B about mountains.", "Which mountain is tallest?"),
        V1("h4", "hotpotqa", "Context A about rivers.", "Which river is oldest?"),
        V1("h5", "hotpotqa", "Context B about mountains.", "Which mountain is oldest?"),
        V1("q1", "qasper", "A scientific article.", "What is the method?"),
        V1("d1", "dureader", "一篇文章。", "问题是什么？", "zh"),
    ];
}
