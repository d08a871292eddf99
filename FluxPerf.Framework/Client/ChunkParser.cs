using System.Text.Json;
using System.Text.Unicode;

namespace FluxPerf.Client;

/// <summary>
/// Reads one event of an OpenAI-compatible completion stream. It decides which events carry a
/// token (REFERENCE §2): non-empty <c>delta.content</c>, <c>delta.reasoning_content</c>,
/// <c>delta.reasoning</c> or <c>delta.tool_calls</c> in chat, non-empty <c>choices[].text</c> in
/// completions. A role-only delta (<c>{"role":"assistant","content":""}</c>) carries nothing.
/// </summary>
/// <remarks>
/// Every event passes through here, so it reads the bytes with a forward-only
/// <see cref="Utf8JsonReader"/>: no document object and no string per token (captured text is
/// unescaped straight into the pooled text buffer). It keeps the rules of an object lookup:
/// when a key repeats, its last value counts, and names are compared unescaped. An event that
/// turns out malformed (or an error) part-way leaves no text behind.
/// </remarks>
internal static class ChunkParser
{
    /// <summary>Parses the data of one event; appends generated text to
    /// <paramref name="text"/> when it is not <c>null</c>.</summary>
    public static StreamChunk Parse(ReadOnlyMemory<byte> data, ResponseTextBuffer? text)
    {
        var trimmed = data.Span.Trim(" \t\r\n"u8);
        if (trimmed.IsEmpty)
        {
            return new StreamChunk(StreamChunkKind.Empty);
        }

        if (trimmed.SequenceEqual("[DONE]"u8))
        {
            return new StreamChunk(StreamChunkKind.Done);
        }

        var textLength = text?.Length ?? 0;
        try
        {
            var reader = new Utf8JsonReader(trimmed);
            var chunk = ReadEvent(ref reader, text, textLength, out var mayBeError);
            if (mayBeError && TryReadError(data, out var message))
            {
                Restore(text, textLength);
                return new StreamChunk(StreamChunkKind.Error, ErrorMessage: message);
            }

            return chunk;
        }
        catch (JsonException)
        {
            Restore(text, textLength);
            return new StreamChunk(StreamChunkKind.Malformed);
        }
    }

    private static StreamChunk ReadEvent(
        ref Utf8JsonReader reader,
        ResponseTextBuffer? text,
        int textLength,
        out bool mayBeError)
    {
        mayBeError = false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return new StreamChunk(StreamChunkKind.Malformed);
        }

        var choices = default(Choices);
        UsageSnapshot? usage = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("choices"u8))
            {
                // A repeated key counts with its last value: the earlier one's text goes.
                Restore(text, textLength);
                reader.Read();
                choices = ReadChoices(ref reader, text);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                usage = ReadUsage(ref reader);
            }
            else
            {
                mayBeError |= SkipOther(ref reader);
            }
        }

        // The reader throws on anything but whitespace after the object, as a full parse would.
        if (reader.Read())
        {
            return new StreamChunk(StreamChunkKind.Malformed);
        }

        return new StreamChunk(StreamChunkKind.Chunk, choices.Visible, choices.Any,
            choices.FinishReason, usage);
    }

    // Skips a property the chunk does not use; true when it marks an error object (a non-null
    // "error", or "object":"error"), which ErrorText then reads from a full document: such
    // events are rare, and one reading of the error shapes is kept for bodies and events alike.
    private static bool SkipOther(ref Utf8JsonReader reader)
    {
        var isError = reader.ValueTextEquals("error"u8);
        var isObject = !isError && reader.ValueTextEquals("object"u8);
        reader.Read();

        var marker = (isError && reader.TokenType != JsonTokenType.Null)
            || (isObject && reader.TokenType == JsonTokenType.String
                && reader.ValueTextEquals("error"u8));
        reader.Skip();
        return marker;
    }

    private static bool TryReadError(ReadOnlyMemory<byte> data, out string message)
    {
        using var document = JsonDocument.Parse(data);
        return ErrorText.TryRead(document.RootElement, out message);
    }

    private static Choices ReadChoices(ref Utf8JsonReader reader, ResponseTextBuffer? text)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return default;
        }

        var choices = default(Choices);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // Any element is a choice, even one that is no object: it still means "not the
            // final usage event", which decides whether the event can carry a token.
            choices.Any = true;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            var visible = ReadChoice(ref reader, text, out var finishReason);
            choices.Visible |= visible;
            choices.FinishReason ??= finishReason;
        }

        return choices;
    }

    private static bool ReadChoice(
        ref Utf8JsonReader reader,
        ResponseTextBuffer? text,
        out string? finishReason)
    {
        finishReason = null;
        var hasDelta = false;
        var deltaVisible = false;
        var hasContent = false;
        var content = default(Utf8JsonReader);
        var hasText = false;
        var completionText = default(Utf8JsonReader);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                hasDelta = reader.TokenType == JsonTokenType.StartObject;
                deltaVisible = hasDelta && ReadDelta(ref reader, out hasContent, out content);
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                hasText = IsNonEmptyString(ref reader);
                completionText = reader;
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                reader.Read();
                finishReason = reader.TokenType == JsonTokenType.String
                    ? FinishReasonText(ref reader)
                    : null;
            }

            reader.Skip();
        }

        // The text is appended once the choice is read, so that a repeated key or a "text"
        // beside a "delta" (chat wins) leaves exactly what an object lookup would pick.
        if (hasDelta)
        {
            AppendIf(hasContent, ref content, text);
            return deltaVisible;
        }

        AppendIf(hasText, ref completionText, text);
        return hasText;
    }

    private static bool ReadDelta(
        scoped ref Utf8JsonReader reader,
        out bool hasContent,
        out Utf8JsonReader content)
    {
        hasContent = false;
        content = default;
        var reasoningContent = false;
        var reasoning = false;
        var toolCalls = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                hasContent = IsNonEmptyString(ref reader);
                content = reader;
            }
            else if (reader.ValueTextEquals("reasoning_content"u8))
            {
                reader.Read();
                reasoningContent = IsNonEmptyString(ref reader);
            }
            else if (reader.ValueTextEquals("reasoning"u8))
            {
                reader.Read();
                reasoning = IsNonEmptyString(ref reader);
            }
            else if (reader.ValueTextEquals("tool_calls"u8))
            {
                reader.Read();
                toolCalls = IsNonEmptyArray(reader);
            }

            reader.Skip();
        }

        return hasContent || reasoningContent || reasoning || toolCalls;
    }

    private static bool IsNonEmptyString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueSpan.IsEmpty;

    // Takes a copy: looking at the first element must not move the caller's reader.
    private static bool IsNonEmptyArray(Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.StartArray
        && reader.Read()
        && reader.TokenType != JsonTokenType.EndArray;

    // The common reasons are shared strings: a finish reason arrives once per stream, but
    // there is no need for a new string each time.
    private static string? FinishReasonText(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("stop"u8) ? "stop"
        : reader.ValueTextEquals("length"u8) ? "length"
        : reader.ValueTextEquals("tool_calls"u8) ? "tool_calls"
        : reader.GetString();

    private static void AppendIf(
        bool present,
        ref Utf8JsonReader value,
        ResponseTextBuffer? text)
    {
        if (!present || text is null)
        {
            return;
        }

        // Unescaping never makes a value longer than its escaped bytes.
        var span = text.GetSpan(value.ValueSpan.Length);
        int written;
        try
        {
            written = value.CopyString(span);
        }
        catch (InvalidOperationException exception)
        {
            throw new JsonException("the text of a choice holds a lone surrogate", exception);
        }

        // The reader does not check raw bytes; the text must decode as it was sent, so an event
        // with invalid UTF-8 is unreadable rather than quietly changed.
        if (!Utf8.IsValid(span[..written]))
        {
            throw new JsonException("the text of a choice is not valid UTF-8");
        }

        text.Advance(written);
    }

    private static UsageSnapshot? ReadUsage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        int? prompt = null;
        int? completion = null;
        int? cached = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("prompt_tokens"u8))
            {
                reader.Read();
                prompt = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("completion_tokens"u8))
            {
                reader.Read();
                completion = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("prompt_tokens_details"u8))
            {
                reader.Read();
                cached = ReadCachedTokens(ref reader);
            }

            reader.Skip();
        }

        return new UsageSnapshot(prompt, completion, cached);
    }

    private static int? ReadCachedTokens(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int? cached = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isCached = reader.ValueTextEquals("cached_tokens"u8);
            reader.Read();
            if (isCached)
            {
                cached = ReadInt(ref reader);
            }

            reader.Skip();
        }

        return cached;
    }

    private static int? ReadInt(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number)
            ? number
            : null;

    private static void Restore(ResponseTextBuffer? text, int length) => text?.Truncate(length);

    // What the choices of one event said together.
    private struct Choices
    {
        public bool Any;
        public bool Visible;
        public string? FinishReason;
    }
}
