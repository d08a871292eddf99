using System.Text.Json;
using FluxPerf.Client;

namespace FluxPerf.Running;

/// <summary>
/// What every round of a run shares: the clock origin that record times are relative to, the
/// open <c>requests.jsonl</c> (and <c>debug.jsonl</c>), and the per-stage settings records need.
/// </summary>
internal sealed class RunContext : IDisposable
{
    public RunContext(
        long origin,
        JsonlWriter requests,
        JsonlWriter? debug,
        bool saveRequests,
        TimeSpan cancelGracePeriod)
    {
        Origin = origin;
        Requests = requests;
        Debug = debug;
        SaveRequests = saveRequests;
        CancelGracePeriod = cancelGracePeriod;
    }

    public long Origin { get; }

    public JsonlWriter Requests { get; }

    public JsonlWriter? Debug { get; private set; }

    public bool SaveRequests { get; set; }

    public TimeSpan CancelGracePeriod { get; }

    public RequestRecord ToRecord(
        RoundPlan plan,
        PlannedSession session,
        int turn,
        PreparedConversation prepared,
        ResponseMeasurement m) => new()
    {
        Stage = plan.Stage,
        Concurrency = plan.Concurrency,
        Round = plan.Round,
        RequestId = $"{session.PairId}-t{turn}",
        SessionId = session.SessionId,
        Turn = turn,
        Status = m.Succeeded ? "ok" : "error",
        ErrorKind = m.Succeeded
            ? null
            : JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Error.ToString()),
        Error = m.ErrorMessage,
        HttpStatus = m.HttpStatus,
        TtftMs = m.TtftMs,
        ItlMs = m.InterTokenLatenciesMs,
        TpotMs = m.TpotMs,
        E2eLatencyMs = m.E2eLatencyMs,
        ScheduleLagMs = m.ScheduleLagMs,
        ScheduledAtMs = Timestamps.ElapsedMs(Origin, m.ScheduledTimestamp),
        SentAtMs = Timestamps.ElapsedMs(Origin, m.SentTimestamp),
        DoneAtMs = Timestamps.ElapsedMs(Origin, m.DoneTimestamp),
        PromptTokens = m.PromptTokens,
        CompletionTokens = m.CompletionTokens,
        CachedTokens = m.CachedTokens,
        OutputTokens = m.OutputTokens,
        OutputTokensEstimated = m.OutputTokensEstimated,
        FinishReason = m.FinishReason,
        TokenEvents = m.TokenEvents,
        MalformedEvents = m.MalformedEvents,
        Messages = SaveRequests ? prepared.Messages : null,
        ResponseText = SaveRequests ? m.ResponseText : null,
    };

    public void EnableDebug(string folder)
    {
        if (Debug is null)
        {
            Directory.CreateDirectory(folder);
            Debug = new JsonlWriter(System.IO.Path.Combine(folder, "debug.jsonl"),
                Reporting.ReportJson.Lines);
        }
    }

    public void WriteDebug(RequestRecord record, PreparedConversation prepared)
    {
        Debug?.Append(new DebugEntry(record.Stage, record.Concurrency, record.Round,
            record.RequestId, record.SessionId, record.Turn, prepared.ContextTokens,
            prepared.DroppedTurns, prepared.Messages));
    }

    public void Dispose()
    {
        Requests.Dispose();
        Debug?.Dispose();
    }
}
