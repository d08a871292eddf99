using System.Globalization;
using FluxPerf.Client;

namespace FluxPerf.Monitoring;

/// <summary>What makes a round's server figures less trustworthy, said in words.</summary>
internal static partial class RoundFigures
{
    private static List<string> WindowWarnings(List<ScrapeRecord> ordered, Input input)
    {
        var warnings = new List<string>();
        foreach (var endpoint in ordered.GroupBy(r => r.Endpoint))
        {
            AddEndpointWarnings(warnings, endpoint.Key, [.. endpoint], input);
        }

        return warnings;
    }

    private static void AddEndpointWarnings(
        List<string> warnings,
        Uri endpoint,
        List<ScrapeRecord> records,
        Input input)
    {
        var good = records.Where(r => r.Result is not null).ToList();
        if (good.Count == 0)
        {
            warnings.Add($"no successful scrape of {endpoint} during round \"{input.Label}\"; "
                + "its server figures are missing");
            return;
        }

        var firstMs = Timestamps.ElapsedMs(input.StartTimestamp, good[0].Timestamp);
        var lastMs = Timestamps.ElapsedMs(input.StartTimestamp, good[^1].Timestamp);
        if (good[0].Kind != ScrapeKind.Before)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"the scrape of {endpoint} before round \"{input.Label}\" failed; its deltas "
                + $"start at +{firstMs:F0} ms and miss what the server did before that"));
        }

        if (good[^1].Kind != ScrapeKind.After)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"the scrape of {endpoint} after round \"{input.Label}\" failed; its deltas "
                + $"end at +{lastMs:F0} ms and miss what the server did after that"));
        }

        var bad = good.SelectMany(r => r.Result!.Warnings).ToList();
        if (bad.Count > 0)
        {
            warnings.Add($"{bad.Count} unparsable line(s) skipped in scrapes of {endpoint}; "
                + $"first: {bad[0]}");
        }
    }
}
