using System.Globalization;
using System.Text;

namespace FluxPerf.Datasets.Conversion;

/// <summary>What a conversion read, wrote and left out, with a count per reason.</summary>
/// <param name="OutputPath">The JSONL file that was written.</param>
/// <param name="RecordsRead">Source records read from the input.</param>
/// <param name="RecordsKept">Source records that made it into the output.</param>
/// <param name="EntriesWritten">Lines written (fewer than kept records when records were grouped
/// into sessions).</param>
/// <param name="Dropped">Records left out, by reason.</param>
/// <param name="Adjustments">Changes made to kept records (truncations, merged turns), by
/// kind.</param>
public sealed record ConversionSummary(
    string OutputPath,
    int RecordsRead,
    int RecordsKept,
    int EntriesWritten,
    IReadOnlyDictionary<string, int> Dropped,
    IReadOnlyDictionary<string, int> Adjustments)
{
    /// <summary>Records left out for any reason.</summary>
    public int RecordsDropped => Dropped.Values.Sum();

    /// <summary>A plain-text report of the counts, one fact per line, culture-invariant.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Wrote {EntriesWritten} entries to {OutputPath}");
        text.AppendLine(inv,
            $"Records read: {RecordsRead}, kept: {RecordsKept}, dropped: {RecordsDropped}");
        AppendCounts(text, "Dropped", Dropped);
        AppendCounts(text, "Adjusted", Adjustments);
        return text.ToString();
    }

    private static void AppendCounts(
        StringBuilder text,
        string heading,
        IReadOnlyDictionary<string, int> counts)
    {
        foreach (var (reason, count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {heading}, {reason}: {count}");
        }
    }
}
