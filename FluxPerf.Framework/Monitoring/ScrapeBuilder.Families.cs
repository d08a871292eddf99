namespace FluxPerf.Monitoring;

/// <summary>Which family a sample belongs to, from its name and the declared metadata.</summary>
internal sealed partial class ScrapeBuilder
{
    private static readonly string[] Suffixes =
        ["_bucket", "_count", "_sum", "_created", "_total", "_gcount", "_gsum", "_info"];

    private (string Family, MetricType Type) ResolveFamily(
        RawSample sample,
        HashSet<string> inferredHistograms)
    {
        // An exact declaration wins: vLLM declares "x_created" as a gauge family of its own.
        if (_metadata.TryGetValue(sample.Name, out var exact) && exact.Type is not null)
        {
            return (sample.Name, exact.Type.Value);
        }

        foreach (var suffix in Suffixes)
        {
            if (!sample.Name.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var baseName = sample.Name[..^suffix.Length];
            if (_metadata.TryGetValue(baseName, out var declared)
                && declared.Type is { } type
                && SuffixBelongsTo(suffix, type))
            {
                return (baseName, type);
            }

            if (inferredHistograms.Contains(baseName) && IsHistogramSuffix(suffix))
            {
                return (baseName, MetricType.Histogram);
            }
        }

        return (sample.Name, MetricType.Untyped);
    }

    /// <summary>
    /// Without <c># TYPE</c> lines, <c>x_bucket</c> series with an <c>le</c> label are grouped
    /// with <c>x_sum</c> and <c>x_count</c> into a histogram <c>x</c>, so that server
    /// histograms stay usable when an exporter drops metadata.
    /// </summary>
    private HashSet<string> InferHistogramBases()
    {
        var bases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in _samples)
        {
            if (!sample.Name.EndsWith("_bucket", StringComparison.Ordinal)
                || !sample.Labels.Any(l => l.Name == "le"))
            {
                continue;
            }

            var baseName = sample.Name[..^"_bucket".Length];
            var typed = _metadata.TryGetValue(baseName, out var m) && m.Type is not null;
            var exact = _metadata.TryGetValue(sample.Name, out var e) && e.Type is not null;
            if (!typed && !exact)
            {
                bases.Add(baseName);
            }
        }

        return bases;
    }

    private static bool IsHistogramSuffix(string suffix) =>
        suffix is "_bucket" or "_count" or "_sum" or "_created";

    private static bool SuffixBelongsTo(string suffix, MetricType type) => type switch
    {
        MetricType.Counter => suffix is "_total" or "_created",
        MetricType.Histogram => IsHistogramSuffix(suffix),
        MetricType.Summary => suffix is "_count" or "_sum" or "_created",
        MetricType.GaugeHistogram => suffix is "_bucket" or "_gcount" or "_gsum",
        MetricType.Info => suffix is "_info",
        _ => false,
    };
}
