namespace FluxPerf.Client;

/// <summary>
/// Turns the events of one stream into a <see cref="ResponseMeasurement"/>. Every choice about
/// which event counts, and how many tokens it carries, lives here so the rules read in one
/// place (docs/measurement.md explains them).
/// </summary>
internal sealed class ResponseAccumulator : IDisposable
{
    private readonly TokenEventLog _events;
    private readonly ResponseTextBuffer? _text;
    private UsageSnapshot? _usage;
    private int _tokensAtLastEvent;
    private string? _finishReason;
    private int _malformedEvents;

    /// <summary>Creates an accumulator; text is kept only when asked, since a text buffer
    /// per request is memory the measurement can do without. Arrays come from
    /// <paramref name="pools"/>, the shared pools when null.</summary>
    public ResponseAccumulator(bool captureText, ResponseBufferPools? pools = null)
    {
        pools ??= ResponseBufferPools.Shared;
        _events = new TokenEventLog(pools);
        _text = captureText ? new ResponseTextBuffer(pools.Bytes) : null;
    }

    /// <summary>The error message of a mid-stream error event, once one arrived.</summary>
    public string? StreamErrorMessage { get; private set; }

    /// <summary>True once a token-bearing event has arrived.</summary>
    public bool HasFirstToken => _events.Count > 0;

    /// <summary>Reads one event that arrived at <paramref name="arrival"/>.</summary>
    public StreamChunkKind Accept(ReadOnlyMemory<byte> data, long arrival)
    {
        var chunk = ChunkParser.Parse(data, _text);
        switch (chunk.Kind)
        {
            case StreamChunkKind.Malformed:
                // One garbled event should not fail a request whose other events are fine;
                // the count is reported so a systematic problem still shows.
                _malformedEvents++;
                break;
            case StreamChunkKind.Error:
                StreamErrorMessage = chunk.ErrorMessage;
                break;
            case StreamChunkKind.Chunk:
                AcceptChunk(chunk, arrival);
                break;
        }

        return chunk.Kind;
    }

    /// <summary>Builds the measurement; <paramref name="error"/> is the transport's verdict,
    /// refined here by what the stream itself said.</summary>
    public ResponseMeasurement Finish(
        RequestTiming timing,
        int? httpStatus,
        RequestErrorKind error,
        string? errorMessage)
    {
        if (error == RequestErrorKind.None && StreamErrorMessage is not null)
        {
            // Status 200 and a [DONE] do not make a request good: the server said it failed.
            (error, errorMessage) = (RequestErrorKind.StreamError, StreamErrorMessage);
        }
        else if (error == RequestErrorKind.None && !HasFirstToken)
        {
            (error, errorMessage) = (RequestErrorKind.InvalidResponse, DescribeEmptyStream());
        }

        return Build(timing, httpStatus, error, errorMessage);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _events.Dispose();
        _text?.Dispose();
    }

    private void AcceptChunk(StreamChunk chunk, long arrival)
    {
        if (chunk.Usage is { } usage)
        {
            _usage = usage;
        }

        if (!chunk.HasChoices)
        {
            // The final usage event (choices: []) carries totals, not a token.
            return;
        }

        _finishReason = chunk.FinishReason ?? _finishReason;
        var tokens = TokensIn(chunk);
        if (tokens == 0)
        {
            return;
        }

        if (!chunk.HasVisibleToken && !HasFirstToken)
        {
            // An empty finish event with nothing before it (immediate EOS) produced no visible
            // token, so it cannot be the first token: TTFT stays undefined.
            return;
        }

        _events.Add(arrival, tokens);
        _tokensAtLastEvent = chunk.Usage?.CompletionTokens ?? _tokensAtLastEvent;
    }

    // The tokens an event carries. With continuous usage it is the growth of the running
    // completion_tokens since the last token event (so tokens of events with no text, such as
    // a held-back partial UTF-8 character, join the next event's share). Without usage one
    // event is one token; an empty event that carries the finish reason is the EOS token
    // (REFERENCE §1.5) and counts, so the event count matches completion_tokens on vLLM.
    private int TokensIn(StreamChunk chunk)
    {
        if (chunk.Usage?.CompletionTokens is { } running)
        {
            var grown = running - _tokensAtLastEvent;
            return chunk.HasVisibleToken ? Math.Max(grown, 1) : Math.Max(grown, 0);
        }

        return chunk.HasVisibleToken || chunk.FinishReason is not null ? 1 : 0;
    }

    private string DescribeEmptyStream() =>
        _finishReason is null
            ? "the stream ended without any token-bearing event"
            : $"the stream ended (finish_reason '{_finishReason}') without any token-bearing event";

    private ResponseMeasurement Build(
        RequestTiming timing,
        int? httpStatus,
        RequestErrorKind error,
        string? errorMessage)
    {
        var completionTokens = _usage?.CompletionTokens;
        return new ResponseMeasurement
        {
            ScheduledTimestamp = timing.Scheduled,
            SentTimestamp = timing.Sent,
            DoneTimestamp = timing.Done,
            FirstTokenTimestamp = HasFirstToken ? _events.FirstTimestamp : null,
            LastTokenTimestamp = HasFirstToken ? _events.LastTimestamp : null,
            InterTokenLatenciesMs = _events.InterTokenLatenciesMs(),
            TokenEvents = _events.Count,
            PromptTokens = _usage?.PromptTokens,
            CompletionTokens = completionTokens,

            // vLLM omits cached_tokens when nothing was cached (REFERENCE §1.7): with usage
            // present an absent key means 0, without usage the figure is unknown.
            CachedTokens = _usage is { } usage ? usage.CachedTokens ?? 0 : null,
            OutputTokens = completionTokens ?? _events.TotalTokens,
            OutputTokensEstimated = completionTokens is null,
            FinishReason = _finishReason,
            HttpStatus = httpStatus,
            Error = error,
            ErrorMessage = errorMessage,
            MalformedEvents = _malformedEvents,
            ResponseText = _text?.ToString() ?? "",
        };
    }
}
