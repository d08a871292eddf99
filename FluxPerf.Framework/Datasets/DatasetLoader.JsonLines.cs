using System.Text;
using System.Text.Json;

namespace FluxPerf.Datasets;

/// <summary>JSON Lines files, read line by line so a large file is never held whole.</summary>
public static partial class DatasetLoader
{
    private static readonly string[] _jsonLinesExtensions = [".jsonl", ".ndjson"];

    private static bool IsJsonLines(string path)
    {
        var extension = Path.GetExtension(path);
        if (_jsonLinesExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return LooksLikeJsonLines(path);
    }

    private static bool LooksLikeJsonLines(string path)
    {
        // A pretty-printed object never closes on its first line, and a one-line object with
        // nothing after it reads the same either way; so JSON Lines is a first line that is a
        // complete object followed by more content.
        using var reader = new StreamReader(path, Encoding.UTF8, true);
        if (!SkipWhitespaceTo(reader, '{'))
        {
            return false;
        }

        // Only now is the first line read whole: a one-line JSON array of hundreds of MB never is.
        var first = reader.ReadLine();
        return first is not null && IsCompleteJson(first) && NextNonBlankLine(reader) is not null;
    }

    private static bool SkipWhitespaceTo(StreamReader reader, char expected)
    {
        while (reader.Peek() is var next && next >= 0 && char.IsWhiteSpace((char)next))
        {
            reader.Read();
        }

        return reader.Peek() == expected;
    }

    private static string? NextNonBlankLine(StreamReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return line;
            }
        }

        return null;
    }

    private static bool IsCompleteJson(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static DatasetFormat ReadJsonLines(string path, SessionCollector collector)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, true);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = ParseLine(path, lineNumber, line);
            collector.Add(document.RootElement, $"line {lineNumber}", $"{path}:{lineNumber}");
        }

        return DatasetFormat.Jsonl;
    }

    private static JsonDocument ParseLine(string path, int lineNumber, string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new DatasetException(
                $"{path}:{lineNumber}:{column}: not valid JSON ({ReasonOf(ex)}); each line of a "
                + "JSON Lines file must be one complete entry object",
                ex);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var found = EntryParser.Describe(document.RootElement);
            document.Dispose();
            throw new DatasetException(
                $"{path}:{lineNumber}: the line holds {found}; each line of a JSON Lines file "
                + "must be one entry object such as " + EntryParser.AcceptedShapes);
        }

        return document;
    }
}
