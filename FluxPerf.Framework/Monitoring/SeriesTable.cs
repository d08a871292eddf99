namespace FluxPerf.Monitoring;

/// <summary>The kept samples of a round's scrapes, regrouped per series and by kind.</summary>
internal sealed class SeriesTable
{
    public Dictionary<SeriesKey, List<double>> Gauges { get; } = [];

    public Dictionary<SeriesKey, List<CounterPoint>> Counters { get; } = [];

    public Dictionary<SeriesKey, List<HistogramPoint>> Histograms { get; } = [];

    /// <summary>Builds the table from successful scrapes in time order.</summary>
    public static SeriesTable Build(IReadOnlyList<ScrapeRecord> good)
    {
        var table = new SeriesTable();
        for (var index = 0; index < good.Count; index++)
        {
            var record = good[index];
            var histograms = new Dictionary<SeriesKey, HistogramPoint>();
            foreach (var family in record.Result!.Families)
            {
                foreach (var sample in family.Samples)
                {
                    table.Add(record, index, family, sample, histograms);
                }
            }

            foreach (var (key, point) in histograms)
            {
                GetOrAdd(table.Histograms, key).Add(point);
            }
        }

        return table;
    }

    private void Add(
        ScrapeRecord record,
        int index,
        MetricFamily family,
        MetricSample sample,
        Dictionary<SeriesKey, HistogramPoint> histograms)
    {
        if (double.IsNaN(sample.Value))
        {
            return;
        }

        var kind = SeriesClassifier.Classify(family, sample);
        if (kind is SeriesKind.Skip)
        {
            return;
        }

        if (kind is SeriesKind.Gauge or SeriesKind.Counter)
        {
            var key = new SeriesKey(record.Instance, sample.Name, sample.FormatLabels());
            AddScalar(kind, key, new CounterPoint(index, record.Timestamp, sample.Value));
            return;
        }

        var histogramKey = new SeriesKey(record.Instance, family.Name, sample.FormatLabels("le"));
        if (!histograms.TryGetValue(histogramKey, out var point))
        {
            point = new HistogramPoint(index, record.Timestamp);
            histograms[histogramKey] = point;
        }

        point.Add(kind, sample);
    }

    private void AddScalar(SeriesKind kind, SeriesKey key, CounterPoint point)
    {
        if (kind == SeriesKind.Gauge)
        {
            GetOrAdd(Gauges, key).Add(point.Value);
        }
        else
        {
            GetOrAdd(Counters, key).Add(point);
        }
    }

    private static List<T> GetOrAdd<T>(Dictionary<SeriesKey, List<T>> map, SeriesKey key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        return list;
    }
}

/// <summary>One value of a counter series: the index of its scrape, its stamp, the value.</summary>
internal readonly record struct CounterPoint(int Record, long Timestamp, double Value);

/// <summary>One scrape's view of one histogram series: cumulative buckets, sum and count.</summary>
internal sealed class HistogramPoint(int record, long timestamp)
{
    public int Record { get; } = record;

    public long Timestamp { get; } = timestamp;

    public SortedDictionary<double, double> Buckets { get; } = [];

    public double? Sum { get; private set; }

    public double? Count { get; private set; }

    public static HistogramPoint Empty { get; } = new(-1, 0);

    public void Add(SeriesKind kind, MetricSample sample)
    {
        if (kind == SeriesKind.HistogramSum)
        {
            Sum = sample.Value;
        }
        else if (kind == SeriesKind.HistogramCount)
        {
            Count = sample.Value;
        }
        else if (SampleLineParser.TryParseValue(sample.GetLabel("le"), out var le))
        {
            Buckets[le] = sample.Value;
        }
    }

    /// <summary>The observation count: <c>_count</c>, else the +Inf bucket, else 0.</summary>
    public double TotalCount =>
        Count ?? (Buckets.TryGetValue(double.PositiveInfinity, out var inf) ? inf : 0);
}
