using System.Text;
using System.Text.Json;

namespace FluxPerf.Client;

/// <summary>
/// Reads one event of an OpenAI-compatible completion stream. It decides which events carry a
/// token (REFERENCE §2): non-empty <c>delta.content</c>, <c>delta.reasoning_content</c>,
/// <c>delta.reasoning</c> or <c>delta.tool_calls</c> in chat, non-empty <c>choices[].text</c> in
/// completions. A role-only delta (<c>{"role":"assistant","content":""}</c>) carries nothing.
/// </summary>
internal static class ChunkParser
{
    /// <summary>Parses the data of one event; appends generated text to
    /// <paramref name="text"/> when it is not <c>null</c>.</summary>
    public static StreamChunk Parse(ReadOnlyMemory<byte> data, StringBuilder? text)
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

        JsonDocument document;
        try
        {
            // JsonDocument parses over pooled memory and is disposed at once, so a token costs
            // no lasting allocation; strings are made only for captured text and finish reasons.
            document = JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            return new StreamChunk(StreamChunkKind.Malformed);
        }

        using (document)
        {
            return Read(document.RootElement, text);
        }
    }

    private static StreamChunk Read(JsonElement root, StringBuilder? text)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new StreamChunk(StreamChunkKind.Malformed);
        }

        if (ErrorText.TryRead(root, out var message))
        {
            return new StreamChunk(StreamChunkKind.Error, ErrorMessage: message);
        }

        var hasChoices = false;
        var visible = false;
        string? finishReason = null;
        if (root.TryGetProperty("choices", out var choices)
            && choices.ValueKind == JsonValueKind.Array)
        {
            foreach (var choice in choices.EnumerateArray())
            {
                hasChoices = true;
                visible |= ReadChoice(choice, text);
                finishReason ??= ReadFinishReason(choice);
            }
        }

        return new StreamChunk(
            StreamChunkKind.Chunk, visible, hasChoices, finishReason, ReadUsage(root));
    }

    private static bool ReadChoice(JsonElement choice, StringBuilder? text)
    {
        if (choice.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (choice.TryGetProperty("delta", out var delta)
            && delta.ValueKind == JsonValueKind.Object)
        {
            var content = AppendIfText(delta, "content", text);
            var reasoning = IsNonEmptyString(delta, "reasoning_content")
                || IsNonEmptyString(delta, "reasoning");
            var toolCalls = delta.TryGetProperty("tool_calls", out var calls)
                && calls.ValueKind == JsonValueKind.Array
                && calls.GetArrayLength() > 0;
            return content || reasoning || toolCalls;
        }

        return AppendIfText(choice, "text", text);
    }

    private static bool AppendIfText(JsonElement owner, string name, StringBuilder? text)
    {
        if (!IsNonEmptyString(owner, name))
        {
            return false;
        }

        text?.Append(owner.GetProperty(name).GetString());
        return true;
    }

    private static bool IsNonEmptyString(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && !value.ValueEquals(ReadOnlySpan<byte>.Empty);

    private static string? ReadFinishReason(JsonElement choice) =>
        choice.ValueKind == JsonValueKind.Object
        && choice.TryGetProperty("finish_reason", out var reason)
        && reason.ValueKind == JsonValueKind.String
            ? reason.GetString()
            : null;

    private static UsageSnapshot? ReadUsage(JsonElement root)
    {
        if (!root.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        int? cached = null;
        if (usage.TryGetProperty("prompt_tokens_details", out var details)
            && details.ValueKind == JsonValueKind.Object)
        {
            cached = ReadInt(details, "cached_tokens");
        }

        return new UsageSnapshot(
            ReadInt(usage, "prompt_tokens"),
            ReadInt(usage, "completion_tokens"),
            cached);
    }

    private static int? ReadInt(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt32(out var number)
            ? number
            : null;
}
