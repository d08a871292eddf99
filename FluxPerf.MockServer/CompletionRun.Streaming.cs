using System.Diagnostics;

namespace FluxPerf.MockServer;

internal sealed partial class CompletionRun
{
    private async Task StreamAsync(LatencySchedule schedule, CancellationToken ct)
    {
        var writer = _context.Response.BodyWriter;
        var encoder = new ChunkEncoder(writer, Request, _responseId, _state.Options.ModelName,
            Created, _textSeed);
        var faultAt = FaultPlan.FaultEventIndex(Events);
        long? previous = null;

        for (var e = 0; e < Events; e++)
        {
            var (first, count) = EventTokens(e);
            if (e > 0)
            {
                await LatencySchedule.WaitUntilAsync(schedule.NextEventDue(count), ct);
            }
            else if (Request.Kind == CompletionKind.Chat)
            {
                // vLLM sends the role-only event back to back with the first token.
                encoder.WriteRole(RunningUsage(0));
                await writer.FlushAsync(ct);
            }

            if (e == faultAt && (_faults.DropConnection || _faults.MidStreamError))
            {
                await FailMidStreamAsync(encoder, ct);
                return;
            }

            encoder.WriteTokens(first, count, isLast: e == Events - 1, RunningUsage(first + count));
            var flushed = await writer.FlushAsync(ct);

            // Stamped after the flush: the moment the event left for the client.
            var written = Stopwatch.GetTimestamp();
            RecordTokenEvent(written, count, previous);
            previous = written;
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                Recorder.SetOutcome(MockOutcomes.ClientAborted);
                return;
            }
        }

        await FinishStreamAsync(encoder, ct);
    }

    private async Task FinishStreamAsync(ChunkEncoder encoder, CancellationToken ct)
    {
        if (Request.IncludeUsage)
        {
            encoder.WriteUsage(new Usage(_prompt.Length, Request.MaxTokens, _cachedTokens));
        }

        // The outcome is set before [DONE] goes out, so a client that reads the journal right
        // after [DONE] sees the request as completed.
        RecordCompleted();
        encoder.WriteDone();
        await _context.Response.BodyWriter.FlushAsync(ct);
    }

    private async Task FailMidStreamAsync(ChunkEncoder encoder, CancellationToken ct)
    {
        if (_faults.DropConnection)
        {
            Drop();
            return;
        }

        Recorder.SetOutcome(MockOutcomes.MidStreamError);
        encoder.WriteError("Internal server error (injected mid-stream by the FluxPerf mock)");
        encoder.WriteDone();
        await _context.Response.BodyWriter.FlushAsync(ct);
    }

    private Usage? RunningUsage(int completionTokens)
    {
        return Request.ContinuousUsage
            ? new Usage(_prompt.Length, completionTokens, _cachedTokens)
            : null;
    }
}
