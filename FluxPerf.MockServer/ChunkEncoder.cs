using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace FluxPerf.MockServer;

/// <summary>
/// Writes one request's SSE events straight into the response pipe, in vLLM's field order.
/// The per-request head of every event is encoded once; each token event then only copies
/// pre-encoded bytes and formats integers in place, so streaming allocates nothing per token.
/// </summary>
internal sealed class ChunkEncoder
{
    private readonly IBufferWriter<byte> _writer;
    private readonly byte[] _head;
    private readonly CompletionKind _kind;
    private readonly ulong _textSeed;

    public ChunkEncoder(
        IBufferWriter<byte> writer,
        CompletionRequest request,
        string responseId,
        string model,
        long created,
        ulong textSeed)
    {
        _writer = writer;
        _kind = request.Kind;
        _textSeed = textSeed;
        var objectName = _kind == CompletionKind.Chat ? "chat.completion.chunk" : "text_completion";
        _head = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"data: {{\"id\":\"{Json(responseId)}\",\"object\":\"{objectName}\","
            + $"\"created\":{created},\"model\":\"{Json(model)}\",\"choices\":["));
    }

    /// <summary>The role-only first event of a chat stream; it carries no token.</summary>
    public void WriteRole(Usage? usage)
    {
        _writer.Write(_head);
        _writer.Write("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"u8);
        _writer.Write("\"logprobs\":null,\"finish_reason\":null}]"u8);
        WriteOptionalUsage(usage);
        _writer.Write(",\"prompt_token_ids\":null}\n\n"u8);
    }

    /// <summary>An event carrying the output words at positions [first, first + count).</summary>
    public void WriteTokens(int first, int count, bool isLast, Usage? usage)
    {
        _writer.Write(_head);
        _writer.Write(_kind == CompletionKind.Chat
            ? "{\"index\":0,\"delta\":{\"content\":\""u8
            : "{\"index\":0,\"text\":\""u8);
        for (var position = first; position < first + count; position++)
        {
            _writer.Write(OutputVocabulary.Utf8(OutputVocabulary.WordAt(_textSeed, position)));
        }

        _writer.Write(_kind == CompletionKind.Chat ? "\"},"u8 : "\","u8);

        // vLLM puts finish_reason on the last token event; there is no separate finish event.
        _writer.Write(isLast
            ? "\"logprobs\":null,\"finish_reason\":\"length\",\"stop_reason\":null"u8
            : "\"logprobs\":null,\"finish_reason\":null"u8);
        if (_kind == CompletionKind.Text)
        {
            _writer.Write(isLast
                ? ",\"prompt_token_ids\":null"u8
                : ",\"stop_reason\":null,\"prompt_token_ids\":null"u8);
        }

        _writer.Write(",\"token_ids\":null}]"u8);
        WriteOptionalUsage(usage);
        _writer.Write("}\n\n"u8);
    }

    /// <summary>The final usage event: no choices, only usage.</summary>
    public void WriteUsage(Usage usage)
    {
        _writer.Write(_head);
        _writer.Write("],\"usage\":"u8);
        WriteUsageObject(usage, withDetails: true);
        _writer.Write("}\n\n"u8);
    }

    /// <summary>
    /// An error after the stream started: the status stays 200, so it is an event.
    /// </summary>
    public void WriteError(string message)
    {
        _writer.Write("data: {\"error\":{\"message\":\""u8);
        _writer.Write(Encoding.UTF8.GetBytes(Json(message)));
        _writer.Write("\",\"type\":\"InternalServerError\",\"param\":null,\"code\":500}}\n\n"u8);
    }

    public void WriteDone()
    {
        _writer.Write("data: [DONE]\n\n"u8);
    }

    /// <summary>The whole output text, for non-streamed responses.</summary>
    public static string Text(ulong textSeed, int tokens)
    {
        var text = new StringBuilder();
        for (var position = 0; position < tokens; position++)
        {
            text.Append(OutputVocabulary.Words[OutputVocabulary.WordAt(textSeed, position)]);
        }

        return text.ToString();
    }

    private void WriteOptionalUsage(Usage? usage)
    {
        if (usage is { } running)
        {
            _writer.Write(",\"usage\":"u8);
            WriteUsageObject(running, withDetails: false);
        }
        else if (_kind == CompletionKind.Text)
        {
            // Completions events carry every field, usage included, on every event.
            _writer.Write(",\"usage\":null"u8);
        }
    }

    private void WriteUsageObject(Usage usage, bool withDetails)
    {
        _writer.Write("{\"prompt_tokens\":"u8);
        WriteInt(usage.PromptTokens);
        _writer.Write(",\"total_tokens\":"u8);
        WriteInt(usage.PromptTokens + usage.CompletionTokens);
        _writer.Write(",\"completion_tokens\":"u8);
        WriteInt(usage.CompletionTokens);

        // vLLM omits the key when nothing was cached rather than reporting 0.
        if (withDetails && usage.CachedTokens > 0)
        {
            _writer.Write(",\"prompt_tokens_details\":{\"cached_tokens\":"u8);
            WriteInt(usage.CachedTokens);
            _writer.Write("}"u8);
        }

        _writer.Write("}"u8);
    }

    private void WriteInt(int value)
    {
        var span = _writer.GetSpan(16);
        Utf8Formatter.TryFormat(value, span, out var written);
        _writer.Advance(written);
    }

    private static string Json(string value)
    {
        return JsonOptions.Escape(value);
    }
}
