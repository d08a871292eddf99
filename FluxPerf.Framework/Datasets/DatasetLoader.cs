using System.Text.Json;

namespace FluxPerf.Datasets;

/// <summary>
/// Reads a dataset file (JSON or JSON Lines) in any of the accepted entry shapes into sessions.
/// </summary>
public static partial class DatasetLoader
{
    private const string ExpectedLayout =
        "expected a JSON array of entries, an object with a \"data\" array, a single entry "
        + "object, or JSON Lines (one entry object per line, .jsonl)";

    /// <summary>Reads all usable entries of a dataset file.</summary>
    /// <param name="path">A <c>.json</c> file, or a <c>.jsonl</c>/<c>.ndjson</c> file; JSON Lines
    /// in a file with another extension is recognised from its content.</param>
    /// <returns>The sessions in file order, the entries left out and the layout found.</returns>
    /// <exception cref="DatasetException">The file is missing, unreadable, not valid JSON, laid
    /// out in an unknown way, or holds no usable entry.</exception>
    public static DatasetLoadResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new DatasetException(
                $"{path}: dataset file does not exist (full path: {Path.GetFullPath(path)})");
        }

        try
        {
            var collector = new SessionCollector(path);
            var format = IsJsonLines(path)
                ? ReadJsonLines(path, collector)
                : ReadJson(path, collector);
            return collector.Finish(format);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"{path}: cannot read the dataset file: {ex.Message}", ex);
        }
    }

    private static string ReasonOf(JsonException ex)
    {
        // The reader appends its own "LineNumber: … | BytePositionInLine: …" (zero-based); the
        // location is reported once, one-based, in front of the message instead.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
