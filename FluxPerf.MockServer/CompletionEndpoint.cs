using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace FluxPerf.MockServer;

/// <summary>
/// Serves <c>/v1/chat/completions</c> and <c>/v1/completions</c>: validates, injects
/// pre-stream faults, queues for a slot, then hands the request to a <see cref="CompletionRun"/>.
/// </summary>
internal sealed class CompletionEndpoint
{
    private readonly MockServerState _state;

    public CompletionEndpoint(MockServerState state)
    {
        _state = state;
    }

    public async Task HandleAsync(HttpContext context, CompletionKind kind)
    {
        // Stamped before the body is read: the mock's clock for a request starts on arrival.
        var received = Stopwatch.GetTimestamp();
        var requestId = RequestIdOf(context);
        context.Response.Headers["x-request-id"] = requestId;
        var recorder = new MockTraceRecorder(requestId, received);
        _state.Journal.Add(recorder);
        var ct = context.RequestAborted;

        try
        {
            await ServeAsync(context, kind, recorder, ct);
        }
        catch (Exception e) when (ct.IsCancellationRequested
            && e is OperationCanceledException or IOException)
        {
            recorder.SetOutcome(MockOutcomes.ClientAborted);
        }
    }

    private async Task ServeAsync(
        HttpContext context,
        CompletionKind kind,
        MockTraceRecorder recorder,
        CancellationToken ct)
    {
        var options = _state.Options;
        var (request, error) = await CompletionRequestParser.ParseAsync(context.Request.Body,
            kind, options.DefaultMaxTokens, ct);
        if (request is not null && request.Model is { } model && model != options.ModelName)
        {
            error = ErrorResponses.ModelNotFound(model);
        }

        var faults = _state.WarmingUp ? FaultPlan.None : FaultPlan.For(options, recorder.RequestId);
        if (error is null && faults.FailBeforeStream)
        {
            error = ErrorResponses.Injected(options.ErrorStatus);
        }

        if (request is null || error is not null)
        {
            await ErrorResponses.WriteAsync(context, error!); // Parser gives one or the other.
            recorder.SetOutcome(MockOutcomes.HttpError);
            return;
        }

        var prompt = request.PromptTokenIds ?? PromptTokenizer.Encode(request.PromptText ?? "");
        await AdmitAndRunAsync(new CompletionRun(_state, context, request, prompt, faults,
            recorder), ct);
    }

    private async Task AdmitAndRunAsync(CompletionRun run, CancellationToken ct)
    {
        if (run.Request.Stream)
        {
            // A real server sends the headers before any work, so they never mark TTFT.
            await run.StartStreamAsync(ct);
        }

        var enqueued = Stopwatch.GetTimestamp();
        var queued = await _state.Scheduler.EnterAsync(ct);
        var admitted = Stopwatch.GetTimestamp();
        var heldBlocks = run.ReservedBlocks;
        _state.Scheduler.Hold(heldBlocks);

        try
        {
            _state.Metrics.QueueTime.Observe(queued ? MockMetrics.Seconds(enqueued, admitted) : 0);

            // Without queueing the schedule starts at arrival, so tokenising a long prompt
            // overlaps the base TTFT instead of adding to it.
            await run.RunAsync(queued ? admitted : run.Recorder.ReceivedTimestamp, ct);
        }
        finally
        {
            _state.Scheduler.Exit(heldBlocks);
        }
    }

    private static string RequestIdOf(HttpContext context)
    {
        var header = context.Request.Headers["x-request-id"].ToString();
        return string.IsNullOrWhiteSpace(header) ? Guid.NewGuid().ToString("N") : header;
    }
}
