namespace FluxPerf.Datasets.Conversion;

/// <summary>
/// Counts occurrences per reason, for the drop and adjustment lines of a summary.
/// </summary>
internal sealed class ReasonCounter
{
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string reason, int count = 1)
    {
        if (count <= 0)
        {
            return;
        }

        _counts[reason] = _counts.GetValueOrDefault(reason) + count;
    }

    public int Total => _counts.Values.Sum();

    public IReadOnlyDictionary<string, int> ToDictionary() =>
        new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);
}
