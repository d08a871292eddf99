namespace FluxPerf.Monitoring;

/// <summary>How a sample is summarised over a round.</summary>
internal enum SeriesKind
{
    Skip,
    Gauge,
    Counter,
    HistogramBucket,
    HistogramSum,
    HistogramCount,
}

/// <summary>Decides from the family type and the sample name how a sample is summarised.</summary>
internal static class SeriesClassifier
{
    public static SeriesKind Classify(MetricFamily family, MetricSample sample)
    {
        // Creation stamps are not measurements; deltas or averages of them mean nothing.
        if (sample.Name != family.Name
            && sample.Name.EndsWith("_created", StringComparison.Ordinal))
        {
            return SeriesKind.Skip;
        }

        return family.Type switch
        {
            MetricType.Counter => SeriesKind.Counter,
            MetricType.Histogram or MetricType.GaugeHistogram => ClassifyHistogram(sample),
            MetricType.Summary => sample.GetLabel("quantile") is null
                ? SeriesKind.Counter
                : SeriesKind.Gauge,

            // Without a TYPE line the naming convention is the only hint: "_total" is a counter.
            MetricType.Untyped => sample.Name.EndsWith("_total", StringComparison.Ordinal)
                ? SeriesKind.Counter
                : SeriesKind.Gauge,
            _ => SeriesKind.Gauge,
        };
    }

    private static SeriesKind ClassifyHistogram(MetricSample sample)
    {
        if (sample.Name.EndsWith("_bucket", StringComparison.Ordinal))
        {
            return sample.GetLabel("le") is null ? SeriesKind.Skip : SeriesKind.HistogramBucket;
        }

        if (sample.Name.EndsWith("_sum", StringComparison.Ordinal)
            || sample.Name.EndsWith("_gsum", StringComparison.Ordinal))
        {
            return SeriesKind.HistogramSum;
        }

        return sample.Name.EndsWith("count", StringComparison.Ordinal)
            ? SeriesKind.HistogramCount
            : SeriesKind.Skip;
    }
}
