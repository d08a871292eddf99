namespace FluxPerf.Datasets;

/// <summary>The sessions read from one dataset file, and what was left out.</summary>
/// <param name="Path">The file that was read.</param>
/// <param name="Format">How the file's entries were laid out.</param>
/// <param name="Sessions">The usable entries in file order; never empty.</param>
/// <param name="SkippedEntries">Entries left out, each with its location and reason.</param>
/// <param name="Shapes">How many sessions were read in each entry shape.</param>
public sealed record DatasetLoadResult(
    string Path,
    DatasetFormat Format,
    IReadOnlyList<Session> Sessions,
    IReadOnlyList<SkippedEntry> SkippedEntries,
    IReadOnlyDictionary<EntryShape, int> Shapes)
{
    /// <summary>How many entries were left out.</summary>
    public int SkippedCount => SkippedEntries.Count;
}
