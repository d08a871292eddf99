using System.Text.Json;

namespace FluxPerf.Datasets.Conversion;

/// <summary>
/// Reads ShareGPT entries from a JSON array (streamed, so a full ShareGPT dump does not have to
/// fit in memory as one document), a single JSON object, or JSONL.
/// </summary>
internal static partial class ShareGptReader
{
    /// <summary>Reads every entry of <paramref name="path"/> in file order.</summary>
    public static IEnumerable<ShareGptRecord> Read(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException(
                $"ShareGPT input '{path}' does not exist; give a .json file (an array of "
                + "{\"id\", \"conversations\": [{\"from\", \"value\"}]} or one such object) "
                + "or .jsonl");
        }

        return FirstSignificantChar(path) switch
        {
            '[' => ReadArray(path, cancellationToken),
            '{' => ReadObjectOrLines(path, cancellationToken),
            null => throw new DatasetException($"ShareGPT input '{path}' is empty"),
            var c => throw new DatasetException(
                $"ShareGPT input '{path}' starts with '{c}'; expected a JSON array '[', "
                + "a JSON object '{' or JSONL"),
        };
    }

    private static char? FirstSignificantChar(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (!char.IsWhiteSpace((char)c))
            {
                return (char)c;
            }
        }

        return null;
    }

    private static IEnumerable<ShareGptRecord> ReadArray(
        string path,
        CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(path);
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(
            stream,
            cancellationToken: cancellationToken).ToBlockingEnumerable(cancellationToken);
        using var enumerator = elements.GetEnumerator();
        for (var index = 1; ; index++)
        {
            if (!MoveNext(enumerator, path))
            {
                yield break;
            }

            yield return ParseEntry(enumerator.Current, $"{path}: entry {index}");
        }
    }

    private static bool MoveNext(IEnumerator<JsonElement> enumerator, string path)
    {
        try
        {
            return enumerator.MoveNext();
        }
        catch (JsonException e)
        {
            throw new DatasetException(
                $"{path}:{e.LineNumber + 1}: not valid JSON ({e.Message}); expected an array "
                + "of ShareGPT conversations",
                e);
        }
    }

    private static IEnumerable<ShareGptRecord> ReadObjectOrLines(
        string path,
        CancellationToken cancellationToken)
    {
        var text = File.ReadAllText(path);
        if (!path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            && TryParseSingle(text, out var element))
        {
            return [ParseEntry(element, $"{path}: entry 1")];
        }

        return ReadLines(path, text, cancellationToken);
    }

    private static bool TryParseSingle(string text, out JsonElement element)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            // More than one top-level value: the file is JSONL, read line by line below.
            element = default;
            return false;
        }
    }

    private static IEnumerable<ShareGptRecord> ReadLines(
        string path,
        string text,
        CancellationToken cancellationToken)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                yield return ParseLine(lines[i], $"{path}:{i + 1}");
            }
        }
    }

    private static ShareGptRecord ParseLine(string line, string location)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return ParseEntry(document.RootElement, location);
        }
        catch (JsonException e)
        {
            throw new DatasetException(
                $"{location}: not a JSON object ({e.Message}); ShareGPT JSONL holds one "
                + "conversation object per line",
                e);
        }
    }
}
