using System.Text.Encodings.Web;
using System.Text.Json;

namespace FluxPerf.Datasets.Conversion;

/// <summary>Writes benchmark entries as JSONL: one object per line, UTF-8 without a BOM.</summary>
internal static class BenchmarkJsonlWriter
{
    // Relaxed escaping keeps non-ASCII prompts readable in the file; the output is never embedded
    // in HTML, which is the only place the default escaping protects.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private static readonly byte[] NewLine = [(byte)'\n'];

    /// <summary>Writes all entries to <paramref name="path"/>, replacing the file; returns the
    /// number of lines written.</summary>
    public static int Write(
        string path,
        IEnumerable<BenchmarkEntry> entries,
        CancellationToken cancellationToken)
    {
        CreateParentDirectory(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        var count = 0;
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteLine(stream, entry);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Creates the folder that will hold <paramref name="path"/> if it is missing.
    /// </summary>
    public static void CreateParentDirectory(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static void WriteLine(Stream stream, BenchmarkEntry entry)
    {
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            switch (entry)
            {
                case SingleTurnEntry single:
                    WriteSingle(writer, single);
                    break;
                case SessionEntry session:
                    WriteSession(writer, session);
                    break;
                default:
                    throw new ArgumentException($"Unknown entry type {entry.GetType().Name}.");
            }
        }

        stream.Write(NewLine);
    }

    private static void WriteSingle(Utf8JsonWriter writer, SingleTurnEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("id", entry.Id);
        writer.WriteString("prompt", entry.Prompt);
        WriteMaxTokens(writer, entry.MaxTokens);
        writer.WriteEndObject();
    }

    private static void WriteSession(Utf8JsonWriter writer, SessionEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("session_id", entry.SessionId);
        if (entry.System is not null)
        {
            writer.WriteString("system", entry.System);
        }

        WriteStrings(writer, "user_messages", entry.UserMessages);
        if (entry.AssistantMessages is not null)
        {
            WriteStrings(writer, "assistant_messages", entry.AssistantMessages);
        }

        WriteMaxTokens(writer, entry.MaxTokens);
        writer.WriteEndObject();
    }

    private static void WriteStrings(
        Utf8JsonWriter writer,
        string name,
        IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteMaxTokens(Utf8JsonWriter writer, int? maxTokens)
    {
        if (maxTokens is { } value)
        {
            writer.WriteNumber("max_tokens", value);
        }
    }
}
