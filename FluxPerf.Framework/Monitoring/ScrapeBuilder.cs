using System.Collections.Immutable;

namespace FluxPerf.Monitoring;

/// <summary>
/// Collects metadata and samples line by line, then groups samples into families at the end, so
/// that samples before their <c># TYPE</c> line or interleaved between families still land in
/// the right family.
/// </summary>
internal sealed partial class ScrapeBuilder
{
    private readonly Dictionary<string, FamilyMetadata> _metadata = new(StringComparer.Ordinal);
    private readonly List<RawSample> _samples = [];
    private readonly List<ParseWarning> _warnings = [];
    private int _sequence;

    public bool SawEof { get; set; }

    public string? SetHelp(string name, string help)
    {
        var metadata = GetOrAdd(name);

        // A repeated HELP is harmless; the first one wins, as it does for TYPE.
        metadata.Help ??= help;
        return null;
    }

    public string? SetType(string name, MetricType type)
    {
        var metadata = GetOrAdd(name);
        if (metadata.Type is { } existing)
        {
            return $"second # TYPE for {name}; the first one ({existing}) is kept";
        }

        metadata.Type = type;
        return null;
    }

    public string? SetUnit(string name, string unit)
    {
        GetOrAdd(name).Unit ??= unit;
        return null;
    }

    public void AddSample(
        string name,
        ImmutableArray<MetricLabel> labels,
        double value,
        double? timestamp)
    {
        _samples.Add(new RawSample(name, labels, value, timestamp, _sequence++));
    }

    public void AddBadLine(int lineNumber, string line, string reason) =>
        _warnings.Add(new ParseWarning(lineNumber, line, reason));

    public ScrapeResult Build(ExpositionFormat format)
    {
        var resolved = format != ExpositionFormat.Auto
            ? format
            : SawEof ? ExpositionFormat.OpenMetrics : ExpositionFormat.PrometheusText;

        // OpenMetrics timestamps are seconds, the older text format's are milliseconds.
        var scale = resolved == ExpositionFormat.OpenMetrics ? 1000.0 : 1.0;
        var families = GroupSamples(scale);
        var ordered = families.Values
            .OrderBy(f => f.Order)
            .Select(f => f.ToFamily())
            .ToList();
        return new ScrapeResult(ordered, _warnings.ToList(), resolved);
    }

    private Dictionary<string, FamilyAccumulator> GroupSamples(double timestampScale)
    {
        var families = new Dictionary<string, FamilyAccumulator>(StringComparer.Ordinal);
        foreach (var (name, metadata) in _metadata)
        {
            families[name] = new FamilyAccumulator(
                name, metadata.Type ?? MetricType.Untyped, metadata.Help, metadata.Unit,
                metadata.Order);
        }

        var inferred = InferHistogramBases();
        foreach (var raw in _samples)
        {
            var (familyName, type) = ResolveFamily(raw, inferred);
            if (!families.TryGetValue(familyName, out var family))
            {
                family = new FamilyAccumulator(familyName, type, null, null, raw.Order);
                families[familyName] = family;
            }

            family.Samples.Add(new MetricSample(
                raw.Name, raw.Labels, raw.Value, raw.Timestamp * timestampScale));
        }

        return families;
    }

    private FamilyMetadata GetOrAdd(string name)
    {
        if (!_metadata.TryGetValue(name, out var metadata))
        {
            metadata = new FamilyMetadata(_sequence++);
            _metadata[name] = metadata;
        }

        return metadata;
    }

    private sealed class FamilyMetadata(int order)
    {
        public int Order { get; } = order;

        public MetricType? Type { get; set; }

        public string? Help { get; set; }

        public string? Unit { get; set; }
    }

    private readonly record struct RawSample(
        string Name,
        ImmutableArray<MetricLabel> Labels,
        double Value,
        double? Timestamp,
        int Order);

    private sealed class FamilyAccumulator(
        string name,
        MetricType type,
        string? help,
        string? unit,
        int order)
    {
        public int Order { get; } = order;

        public List<MetricSample> Samples { get; } = [];

        public MetricFamily ToFamily() => new(name, type, help, unit, [.. Samples]);
    }
}
