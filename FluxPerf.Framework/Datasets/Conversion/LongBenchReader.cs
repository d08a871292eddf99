using System.IO.Compression;
using System.Text.Json;

namespace FluxPerf.Datasets.Conversion;

/// <summary>
/// Reads LongBench records from a v1 JSONL file, a folder of them, LongBench's <c>data.zip</c>,
/// or a v2 JSON array; each record's shape (v1 or v2) is told by its fields.
/// </summary>
internal static partial class LongBenchReader
{
    /// <summary>
    /// Reads every record under <paramref name="path"/>, in file then line order.
    /// </summary>
    public static IReadOnlyList<LongBenchRecord> ReadAll(
        string path,
        CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            return ReadFolder(path, cancellationToken);
        }

        if (!File.Exists(path))
        {
            throw new DatasetException(
                $"LongBench input '{path}' does not exist; give a .jsonl file, a folder of them, "
                + "LongBench's data.zip, or a LongBench v2 .json file");
        }

        return path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            ? ReadZip(path, cancellationToken)
            : ReadFile(path, File.ReadAllText(path), cancellationToken);
    }

    private static List<LongBenchRecord> ReadFolder(
        string folder,
        CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(folder)
            .Where(IsDataFile)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new DatasetException(
                $"LongBench folder '{folder}' holds no .jsonl or .json files; unzip LongBench's "
                + "data.zip there or pass the zip itself");
        }

        return files.SelectMany(f => ReadFile(f, File.ReadAllText(f), cancellationToken)).ToList();
    }

    private static List<LongBenchRecord> ReadZip(
        string zipPath,
        CancellationToken cancellationToken)
    {
        try
        {
            using var archive = ZipFile.OpenRead(zipPath);
            var entries = archive.Entries
                .Where(e => IsDataFile(e.FullName))
                .OrderBy(e => e.FullName, StringComparer.Ordinal)
                .ToList();
            if (entries.Count == 0)
            {
                throw new DatasetException(
                    $"zip '{zipPath}' holds no .jsonl or .json files; "
                    + "expected LongBench's data.zip");
            }

            return entries.SelectMany(e => ReadFile(
                $"{zipPath}!{e.FullName}",
                ReadEntry(e),
                cancellationToken)).ToList();
        }
        catch (InvalidDataException e)
        {
            throw new DatasetException($"'{zipPath}' is not a readable zip file: {e.Message}", e);
        }
    }

    private static string ReadEntry(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static bool IsDataFile(string name) =>
        name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static List<LongBenchRecord> ReadFile(
        string source,
        string text,
        CancellationToken cancellationToken)
    {
        var stem = DatasetNameFromFile(source);
        return text.TrimStart().StartsWith('[')
            ? ReadJsonArray(source, stem, text)
            : ReadJsonLines(source, stem, text, cancellationToken);
    }

    private static List<LongBenchRecord> ReadJsonArray(string source, string stem, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new DatasetException(
                $"{source}:{e.LineNumber + 1}: not valid JSON ({e.Message}); expected a LongBench "
                + "v2 array of records or v1 JSONL",
                e);
        }

        using (document)
        {
            return document.RootElement.EnumerateArray()
                .Select((element, i) => ParseRecord(element, stem, $"{source}: entry {i + 1}"))
                .ToList();
        }
    }

    private static List<LongBenchRecord> ReadJsonLines(
        string source,
        string stem,
        string text,
        CancellationToken cancellationToken)
    {
        var records = new List<LongBenchRecord>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                records.Add(ParseLine(lines[i], stem, $"{source}:{i + 1}"));
            }
        }

        return records;
    }

    private static LongBenchRecord ParseLine(string line, string stem, string location)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return ParseRecord(document.RootElement, stem, location);
        }
        catch (JsonException e)
        {
            throw new DatasetException(
                $"{location}: not a JSON object ({e.Message}); LongBench v1 files hold one "
                + "record per line",
                e);
        }
    }

    // LongBench-E files are named "<dataset>_e.jsonl" but use the plain dataset's template.
    private static string DatasetNameFromFile(string source)
    {
        var name = Path.GetFileNameWithoutExtension(source.Split('!')[^1]);
        return name.EndsWith("_e", StringComparison.Ordinal) ? name[..^2] : name;
    }
}
