namespace FluxPerf.Datasets;

/// <summary>An entry that was left out because it has no usable user text.</summary>
/// <param name="Location">Where the entry is: <c>line 12</c> for JSONL, <c>entry [3]</c> for a
/// JSON array.</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record SkippedEntry(string Location, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Reason}";
}
