using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace FluxPerf.MockServer;

/// <summary>
/// One admitted request: looks up the prefix cache, follows its latency schedule and writes
/// the stream (or the whole response), recording every event in the journal.
/// </summary>
internal sealed partial class CompletionRun
{
    private static readonly MockServerOptions WarmUpTiming = new()
    {
        BaseTtftMs = 0,
        PrefillMsPerToken = 0,
        ItlMs = 0,
    };

    private readonly MockServerState _state;
    private readonly HttpContext _context;
    private readonly int[] _prompt;
    private readonly FaultPlan _faults;
    private readonly ulong _textSeed;
    private readonly string _responseId;
    private int _cachedTokens;

    public CompletionRun(
        MockServerState state,
        HttpContext context,
        CompletionRequest request,
        int[] prompt,
        FaultPlan faults,
        MockTraceRecorder recorder)
    {
        _state = state;
        _context = context;
        Request = request;
        _prompt = prompt;
        _faults = faults;
        Recorder = recorder;

        // Output depends on the prompt and the seed only, so both rounds get the same text.
        _textSeed = BlockHash.Next((ulong)(uint)state.Options.Seed, prompt);

        // vLLM names the response after the caller's X-Request-Id when one is given.
        var prefix = request.Kind == CompletionKind.Chat ? "chatcmpl-" : "cmpl-";
        _responseId = prefix + recorder.RequestId;
    }

    public CompletionRequest Request { get; }

    public MockTraceRecorder Recorder { get; }

    /// <summary>KV blocks this request occupies while it runs (prompt plus output).</summary>
    public long ReservedBlocks =>
        ((long)_prompt.Length + Request.MaxTokens + _state.Options.BlockSize - 1)
        / _state.Options.BlockSize;

    private int Events => (Request.MaxTokens + TokensPerEvent - 1) / TokensPerEvent;

    private int TokensPerEvent => _state.Options.TokensPerEvent;

    private static long Created => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public async Task StartStreamAsync(CancellationToken ct)
    {
        _context.Response.StatusCode = StatusCodes.Status200OK;
        _context.Response.ContentType = "text/event-stream; charset=utf-8";
        _context.Response.Headers.CacheControl = "no-cache";
        await _context.Response.StartAsync(ct);
        await _context.Response.BodyWriter.FlushAsync(ct);
    }

    public async Task RunAsync(long anchor, CancellationToken ct)
    {
        _cachedTokens = LookUpCache();
        Recorder.SetPrompt(_prompt.Length, _cachedTokens);
        var schedule = new LatencySchedule(_state.WarmingUp ? WarmUpTiming : _state.Options,
            BlockHash.Of(Recorder.RequestId, (ulong)(uint)_state.Options.Seed), anchor,
            _prompt.Length - _cachedTokens);

        await LatencySchedule.WaitUntilAsync(schedule.FirstTokenDue, ct);
        if (_state.Options.EnablePrefixCaching)
        {
            // Prefill is over: its blocks now serve later requests.
            _state.Cache.Insert(_prompt);
        }

        if (Request.Stream)
        {
            await StreamAsync(schedule, ct);
        }
        else
        {
            await RespondAsync(schedule, ct);
        }
    }

    private int LookUpCache()
    {
        var enabled = _state.Options.EnablePrefixCaching;
        var cached = enabled ? _state.Cache.Lookup(_prompt) : 0;
        _state.Metrics.AddPrefill(_prompt.Length, cached, enabled);
        return cached;
    }

    private (int First, int Count) EventTokens(int eventIndex)
    {
        var first = eventIndex * TokensPerEvent;
        return (first, Math.Min(TokensPerEvent, Request.MaxTokens - first));
    }

    private void RecordTokenEvent(long timestamp, int tokens, long? previousTimestamp)
    {
        Recorder.AddTokenEvent(timestamp, tokens);
        _state.Metrics.AddGenerated(tokens);
        if (previousTimestamp is { } previous)
        {
            _state.Metrics.InterTokenLatency.Observe(MockMetrics.Seconds(previous, timestamp));
        }
        else
        {
            _state.Metrics.TimeToFirstToken.Observe(
                MockMetrics.Seconds(Recorder.ReceivedTimestamp, timestamp));
        }
    }

    private void RecordCompleted()
    {
        Recorder.SetOutcome(MockOutcomes.Completed);
        _state.Metrics.AddSuccess();
        _state.Metrics.EndToEnd.Observe(
            MockMetrics.Seconds(Recorder.ReceivedTimestamp, Stopwatch.GetTimestamp()));
    }

    private void Drop()
    {
        Recorder.SetOutcome(MockOutcomes.DroppedConnection);
        _context.Abort();
    }
}
