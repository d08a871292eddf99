using System.Collections.Concurrent;
using FluxPerf.Client;

namespace FluxPerf.Running;

/// <summary>
/// Sends one round: every session of the plan through the load model, turn after turn, writing
/// each record to <c>requests.jsonl</c> the moment its request finishes.
/// </summary>
internal sealed class RoundRunner
{
    private readonly StreamingClient _client;
    private readonly RunContext _context;
    private readonly TurnComposer _conversations;

    public RoundRunner(StreamingClient client, RunContext context, TurnComposer conversations)
    {
        _client = client;
        _context = context;
        _conversations = conversations;
    }

    public async Task<RoundOutcome> RunAsync(
        RoundPlan plan,
        ILoadModel load,
        IProgress<RoundProgress>? progress,
        CancellationToken cancellationToken)
    {
        var records = new ConcurrentQueue<RequestRecord>();
        var replies = new ConcurrentDictionary<string, IReadOnlyList<string>>();
        var tracker = new ProgressTracker(plan, CountTurns(plan), progress);
        var skipped = 0;

        // Stop starting new work at once on cancellation, but give requests in flight a grace
        // period to finish so their records are real measurements, not cancellations.
        using var requestCts = new CancellationTokenSource();
        using var link = cancellationToken.Register(
            () => requestCts.CancelAfter(_context.CancelGracePeriod));

        await load.RunAsync(plan.Sessions, async (session, scheduled) =>
        {
            var sessionReplies = await RunSessionAsync(
                plan, session, scheduled, records, tracker, cancellationToken, requestCts.Token);
            replies[session.PairId] = sessionReplies.Replies;
            Interlocked.Add(ref skipped, sessionReplies.Skipped);
        }, cancellationToken);

        tracker.Finish();
        return new RoundOutcome([.. records], replies, skipped);
    }

    private async Task<(IReadOnlyList<string> Replies, int Skipped)> RunSessionAsync(
        RoundPlan plan,
        PlannedSession session,
        long scheduled,
        ConcurrentQueue<RequestRecord> records,
        ProgressTracker tracker,
        CancellationToken stopSending,
        CancellationToken requestToken)
    {
        var turns = TurnsToSend(plan, session);
        var received = new List<string>(turns);
        for (var turn = 0; turn < turns; turn++)
        {
            if (stopSending.IsCancellationRequested)
            {
                return (received, turns - turn);
            }

            // A later turn of a session is scheduled when the previous one finished: the user
            // answers at once, as a closed loop does.
            var turnScheduled = turn == 0 ? scheduled : Timestamps.Now();
            var history = plan.Replay?.GetValueOrDefault(session.PairId) ?? received;
            var prepared = _conversations.Build(session, turn, history);
            var request = new LlmRequest(
                $"{session.PairId}-t{turn}-r{plan.Round}", prepared.Messages, session.MaxTokens);

            tracker.Started(turnScheduled);
            var measurement = await _client.SendAsync(request, turnScheduled, requestToken);
            var record = _context.ToRecord(plan, session, turn, prepared, measurement);
            _context.Requests.Append(record);
            _context.WriteDebug(record, prepared);
            records.Enqueue(record);
            tracker.Finished(turnScheduled, record);

            received.Add(measurement.ResponseText);
            if (!measurement.Succeeded)
            {
                // Without this turn's reply the next turn's history would be invented, so the
                // session stops here; round 2 then sends the same turns as round 1.
                return (received, turns - turn - 1);
            }
        }

        return (received, 0);
    }

    private static int TurnsToSend(RoundPlan plan, PlannedSession session) =>
        plan.Replay?.TryGetValue(session.PairId, out var recorded) == true
            ? Math.Min(recorded.Count, session.UserMessages.Count)
            : session.UserMessages.Count;

    private static int CountTurns(RoundPlan plan) =>
        plan.Sessions.Sum(s => TurnsToSend(plan, s));
}
