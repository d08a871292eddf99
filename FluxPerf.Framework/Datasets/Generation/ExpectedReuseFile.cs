using System.Text.Json;

namespace FluxPerf.Datasets.Generation;

/// <summary>
/// The sidecar <c>&lt;output&gt;.expected.json</c> a generator writes beside its JSONL: the
/// expected reusable prompt tokens of every request, for the engine's cache account.
/// </summary>
public static class ExpectedReuseFile
{
    /// <summary>The counting rule, written into the file so it explains itself.</summary>
    public const string Rule =
        "expected_reusable_tokens: cl100k_base tokens of this request's system and user messages "
        + "that lie inside the longest prefix an earlier request (in file order; turns of a "
        + "session after its earlier turns) already sent; reply_turns: earlier turns of the same "
        + "session whose replies also lie inside that prefix; chat-template tokens excluded";

    /// <summary>
    /// The sidecar path for a benchmark file: the output path plus <c>.expected.json</c>.
    /// </summary>
    public static string PathFor(string outputPath) => outputPath + ".expected.json";

    /// <summary>Writes the sidecar for <paramref name="outputPath"/>; returns its path.</summary>
    public static string Write(
        string outputPath,
        string generator,
        int seed,
        IReadOnlyList<ExpectedReuse> requests)
    {
        var path = PathFor(outputPath);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        writer.WriteStartObject();
        writer.WriteString("generator", generator);
        writer.WriteNumber("seed", seed);
        writer.WriteString("tokenizer", "cl100k_base");
        writer.WriteString("rule", Rule);
        writer.WriteNumber("total_prompt_tokens", requests.Sum(r => (long)r.PromptTokens));
        writer.WriteNumber(
            "total_expected_reusable_tokens", requests.Sum(r => (long)r.ReusableTokens));
        writer.WriteStartArray("requests");
        foreach (var request in requests)
        {
            WriteRequest(writer, request);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        return path;
    }

    /// <summary>Reads a sidecar written by <see cref="Write"/>.</summary>
    /// <exception cref="DatasetException">The file is missing or not a sidecar.</exception>
    public static IReadOnlyList<ExpectedReuse> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException($"expected-reuse file '{path}' does not exist");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.GetProperty("requests").EnumerateArray()
                .Select(ReadRequest)
                .ToList();
        }
        catch (Exception e)
            when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DatasetException(
                $"'{path}' is not an expected-reuse file ({e.Message}); expected the "
                + "<output>.expected.json that 'fluxperf generate' writes",
                e);
        }
    }

    private static void WriteRequest(Utf8JsonWriter writer, ExpectedReuse request)
    {
        writer.WriteStartObject();
        writer.WriteString("id", request.Id);
        writer.WriteNumber("turn", request.Turn);
        writer.WriteNumber("prompt_tokens", request.PromptTokens);
        writer.WriteNumber("expected_reusable_tokens", request.ReusableTokens);
        writer.WriteStartArray("reply_turns");
        foreach (var turn in request.ReplyTurns)
        {
            writer.WriteNumberValue(turn);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static ExpectedReuse ReadRequest(JsonElement element) =>
        new(
            element.GetProperty("id").GetString() ?? "",
            element.GetProperty("turn").GetInt32(),
            element.GetProperty("prompt_tokens").GetInt32(),
            element.GetProperty("expected_reusable_tokens").GetInt32(),
            element.GetProperty("reply_turns").EnumerateArray().Select(t => t.GetInt32()).ToList());
}
