using System.Text.Json;

namespace FluxPerf.Cli.Comparing;

/// <summary>
/// Reads the parts of a run's <c>results.json</c> that <c>fluxperf compare</c> needs, through
/// its documented JSON names only, so the command works on files of other FluxPerf versions.
/// </summary>
internal static class ResultsFile
{
    private const string FileName = "results.json";

    /// <summary>Loads a results.json file, or the one in a run folder.</summary>
    /// <exception cref="ResultsFileException">The path or the file is not usable.</exception>
    public static RunResults Load(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        if (!File.Exists(file))
        {
            throw new ResultsFileException(Directory.Exists(path)
                ? $"\"{path}\" is a folder without {FileName}; give a FluxPerf run folder "
                    + $"(benchmark_results/<run_id>) or a {FileName} file"
                : $"\"{path}\" does not exist; give a FluxPerf run folder or its {FileName}");
        }

        try
        {
            using var stream = File.OpenRead(file);
            using var document = JsonDocument.Parse(stream);
            return Read(file, document.RootElement);
        }
        catch (JsonException e)
        {
            throw new ResultsFileException($"\"{file}\" is not a FluxPerf {FileName}: it is "
                + $"not valid JSON ({e.Message})");
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new ResultsFileException($"\"{file}\" is not a FluxPerf {FileName}: {e.Message}");
        }
    }

    private static RunResults Read(string file, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("stages", out var stages)
            || stages.ValueKind != JsonValueKind.Array)
        {
            throw new ResultsFileException($"\"{file}\" is not a FluxPerf {FileName}: it has no "
                + "\"stages\" list; give the results.json that 'fluxperf run' writes");
        }

        var runId = root.TryGetProperty("run_id", out var id) ? id.GetString() ?? "" : "";
        var levels = stages.EnumerateArray()
            .Where(s => s.TryGetProperty("levels", out var l) && l.ValueKind == JsonValueKind.Array)
            .SelectMany(s => s.GetProperty("levels").EnumerateArray())
            .Select(ReadLevel)
            .ToArray();
        return new RunResults(Path.GetFullPath(file), runId, levels);
    }

    private static LevelResults ReadLevel(JsonElement level)
    {
        var comparison = level.GetProperty("comparison");
        var rows = comparison.GetProperty("rows").EnumerateArray()
            .Select(r => new MetricRow(
                r.GetProperty("metric").GetString() ?? "",
                r.GetProperty("stat").GetString() ?? "",
                Number(r, "round1"),
                Number(r, "round2")))
            .ToArray();
        var paired = comparison.TryGetProperty("paired_ttft_speedup", out var p)
            && p.ValueKind == JsonValueKind.Object ? Number(p, "median") : null;
        return new LevelResults(
            level.GetProperty("stage").GetString() ?? "",
            level.GetProperty("concurrency").GetInt32(),
            new Speedups(
                Number(comparison, "ttft_speedup_p50"),
                Number(comparison, "ttft_speedup_mean"),
                paired),
            rows,
            Gates(level));
    }

    private static GateVerdict[] Gates(JsonElement level)
    {
        if (!level.TryGetProperty("slo", out var slo) || slo.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return slo.GetProperty("gates").EnumerateArray()
            .Select(g => new GateVerdict(
                g.GetProperty("name").GetString() ?? "",
                g.GetProperty("passed").GetBoolean(),
                Number(g, "actual")))
            .ToArray();
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;
}
