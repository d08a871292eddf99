using System.Runtime.InteropServices;
using FluxPerf.Running;

namespace FluxPerf.Metrics;

/// <summary>
/// Everything <see cref="RoundAnalyzer"/> needs from a round's records, gathered in one pass.
/// At a million records each pass over them costs tens of milliseconds in cache misses alone,
/// and the analysis used to make fourteen. Values are collected in record order, the order
/// the figures were always summed in, so every figure keeps its last bit.
/// </summary>
internal sealed class RoundScan
{
    private readonly Dictionary<string, int> _failedByKind = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<double>[] _itl;
    private int _itlLists;
    private RoundSpan _span;

    private RoundScan(int count)
    {
        _itl = new IReadOnlyList<double>[count];
        Ttft = new Column(count);
        Tpot = new Column(count);
        E2eLatency = new Column(count);
        InputTokens = new Column(count);
        OutputTokenCounts = new Column(count);
        ScheduleLag = new Column(count);
    }

    public RoundSpan Span => _span;

    public int Succeeded { get; private set; }

    public int Good { get; private set; }

    public long PromptTokens { get; private set; }

    public long CachedTokens { get; private set; }

    public long OutputTokens { get; private set; }

    public bool OutputTokensEstimated { get; private set; }

    public int ItlCount { get; private set; }

    public Column Ttft { get; }

    public Column Tpot { get; }

    public Column E2eLatency { get; }

    public Column InputTokens { get; }

    public Column OutputTokenCounts { get; }

    public Column ScheduleLag { get; }

    public static RoundScan Of(IReadOnlyList<RequestRecord> records, GoodputCriteria criteria)
    {
        var scan = new RoundScan(records.Count);
        foreach (var record in records)
        {
            scan.Add(record, criteria);
        }

        return scan;
    }

    /// <summary>Failed requests by error kind, in ordinal order of the kind.</summary>
    public Dictionary<string, int> FailedByKind() =>
        _failedByKind.OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>Every ITL gap of the successful requests, in record order.</summary>
    public double[] ItlGaps()
    {
        var gaps = GC.AllocateUninitializedArray<double>(ItlCount);
        var next = 0;
        foreach (var list in _itl.AsSpan(0, _itlLists))
        {
            next += CopyTo(list, gaps.AsSpan(next));
        }

        return gaps;
    }

    private void Add(RequestRecord record, GoodputCriteria criteria)
    {
        _span.Add(record);
        ScheduleLag.Add(record.ScheduleLagMs);
        if (!record.Succeeded)
        {
            var kind = record.ErrorKind ?? "unknown";
            _failedByKind[kind] = _failedByKind.GetValueOrDefault(kind) + 1;
            return;
        }

        Succeeded++;

        // With no criteria every successful request is good; asking would average its ITL.
        Good += criteria.IsEmpty || criteria.IsGood(record) ? 1 : 0;
        OutputTokens += record.OutputTokens;
        OutputTokensEstimated |= record.OutputTokensEstimated;
        AddMeasurements(record);
    }

    private void AddMeasurements(RequestRecord record)
    {
        if (record.TtftMs is { } ttft)
        {
            Ttft.Add(ttft);
        }

        if (record.TpotMs is { } tpot)
        {
            Tpot.Add(tpot);
        }

        E2eLatency.Add(record.E2eLatencyMs);
        OutputTokenCounts.Add(record.OutputTokens);
        if (record.PromptTokens is { } prompt)
        {
            PromptTokens += prompt;
            CachedTokens += record.CachedTokens ?? 0;
            InputTokens.Add(prompt);
        }

        _itl[_itlLists++] = record.ItlMs;
        ItlCount += record.ItlMs.Count;
    }

    private static int CopyTo(IReadOnlyList<double> list, Span<double> destination)
    {
        switch (list)
        {
            case double[] array:
                array.CopyTo(destination);
                break;
            case List<double> growable:
                CollectionsMarshal.AsSpan(growable).CopyTo(destination);
                break;
            default:
                for (var i = 0; i < list.Count; i++)
                {
                    destination[i] = list[i];
                }

                break;
        }

        return list.Count;
    }

    /// <summary>Values of one measurement, in record order, in an array sized for all.</summary>
    internal sealed class Column(int capacity)
    {
        private readonly double[] _values = GC.AllocateUninitializedArray<double>(capacity);
        private int _count;

        public ReadOnlySpan<double> Values => _values.AsSpan(0, _count);

        public void Add(double value) => _values[_count++] = value;
    }
}
