using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FluxPerf.Client;

/// <summary>Rendering of request bodies.</summary>
public sealed partial class StreamingClient
{
    // Relaxed escaping keeps non-ASCII prompts at their UTF-8 size (the default escapes every
    // non-ASCII character as \uXXXX, up to 6x the bytes) and is safe in an HTTP body.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private static readonly HashSet<string> ReservedFields = new(StringComparer.Ordinal)
    {
        "model", "messages", "prompt", "max_tokens", "temperature", "ignore_eos", "stream",
        "stream_options",
    };

    /// <summary>
    /// The JSON body for <paramref name="request"/>, with fields in a fixed order: <c>model</c>,
    /// <c>messages</c> (chat) or <c>prompt</c> (completions, see <see cref="RenderPrompt"/>),
    /// <c>max_tokens</c>, <c>temperature</c>, <c>ignore_eos</c>, <c>stream</c>,
    /// <c>stream_options</c>, then <see cref="ClientOptions.ExtraBody"/> in ordinal key order.
    /// The same request always gives byte-identical bodies (until the server rejects
    /// <c>stream_options</c>, which changes every later body the same way).
    /// </summary>
    public byte[] BuildBody(LlmRequest request) => BuildBody(request, _negotiation.Current);

    /// <summary>
    /// The completions prompt for a conversation: the contents of the messages joined with a
    /// blank line ("\n\n"), without role names, so a single user message is sent verbatim.
    /// </summary>
    public static string RenderPrompt(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return messages.Count == 1
            ? messages[0].Content
            : string.Join("\n\n", messages.Select(message => message.Content));
    }

    internal byte[] BuildBody(LlmRequest request, StreamOptionsMode mode)
    {
        ArgumentNullException.ThrowIfNull(request);

        var buffer = new ArrayBufferWriter<byte>(EstimateBodySize(request));
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            WriteInput(writer, request);
            WriteSampling(writer, request);
            WriteStreaming(writer, mode);
            WriteExtraBody(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static int EstimateBodySize(LlmRequest request)
    {
        // Sized up front so a 100k-token prompt is written without repeated buffer doubling.
        var characters = request.Messages.Sum(message => message.Content.Length + 32);
        return Math.Max(256, (int)Math.Min(int.MaxValue / 2, characters * 1.1 + 512L));
    }

    private void WriteInput(Utf8JsonWriter writer, LlmRequest request)
    {
        if (_options.Model is { } model)
        {
            writer.WriteString("model", model);
        }

        if (_isCompletions)
        {
            writer.WriteString("prompt", RenderPrompt(request.Messages));
            return;
        }

        writer.WriteStartArray("messages");
        foreach (var message in request.Messages)
        {
            writer.WriteStartObject();
            writer.WriteString("role", message.Role);
            writer.WriteString("content", message.Content);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private void WriteSampling(Utf8JsonWriter writer, LlmRequest request)
    {
        if ((request.MaxTokens ?? _options.DefaultMaxTokens) is { } maxTokens)
        {
            writer.WriteNumber("max_tokens", maxTokens);
        }

        if (_options.Temperature is { } temperature)
        {
            writer.WriteNumber("temperature", temperature);
        }

        if (_options.IgnoreEos)
        {
            writer.WriteBoolean("ignore_eos", true);
        }
    }

    private static void WriteStreaming(Utf8JsonWriter writer, StreamOptionsMode mode)
    {
        writer.WriteBoolean("stream", true);
        if (mode == StreamOptionsMode.None)
        {
            return;
        }

        writer.WriteStartObject("stream_options");
        writer.WriteBoolean("include_usage", true);
        if (mode == StreamOptionsMode.Full)
        {
            // Running usage on every event gives the exact tokens each event carries (vLLM
            // batches tokens per event under --stream-interval and speculative decoding).
            writer.WriteBoolean("continuous_usage_stats", true);
        }

        writer.WriteEndObject();
    }

    private void WriteExtraBody(Utf8JsonWriter writer)
    {
        if (_options.ExtraBody is not { } extra)
        {
            return;
        }

        foreach (var key in extra.Keys.Order(StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            if (extra[key] is { } node)
            {
                node.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    private static void ValidateExtraBody(IReadOnlyDictionary<string, JsonNode?>? extra)
    {
        var clashes = extra?.Keys.Where(ReservedFields.Contains).Order(StringComparer.Ordinal)
            .ToList() ?? [];
        if (clashes.Count > 0)
        {
            throw new ArgumentException(
                $"ExtraBody sets {string.Join(", ", clashes.Select(key => $"'{key}'"))}, which "
                + "the client writes itself; use the matching ClientOptions property instead "
                + $"(reserved: {string.Join(", ", ReservedFields.Order(StringComparer.Ordinal))})",
                nameof(extra));
        }
    }
}
