using FluxPerf.Running;

namespace FluxPerf.Benchmarks;

/// <summary>
/// Seeded request records shaped like a real two-round level: half round 1, half round 2 with
/// the same request ids, about 1% failed, a fixed number of ITL gaps each.
/// </summary>
internal static class SyntheticRecords
{
    public const int ItlGaps = 20;

    private const string Stage = "analysis";

    public static (List<RequestRecord> Round1, List<RequestRecord> Round2) Generate(int count)
    {
        var random = new Random(20251203);
        var half = count / 2;
        var round1 = new List<RequestRecord>(half);
        var round2 = new List<RequestRecord>(count - half);
        for (var i = 0; i < count; i++)
        {
            var round = i < half ? 1 : 2;
            (round == 1 ? round1 : round2).Add(Record(random, round, i % half, i));
        }

        return (round1, round2);
    }

    private static RequestRecord Record(Random random, int round, int pair, int index)
    {
        // Every id is its own string, as a record read back from JSONL would have; the session
        // id shares it to keep the memory figure about the analysis, not about duplicate ids.
        var id = $"req-{pair:D7}";
        var failed = random.NextDouble() < 0.01;
        var ttft = Nanos((round == 1 ? 400 : 120) * (0.5 + random.NextDouble()));
        var itl = failed ? [] : Gaps(random);
        var e2e = failed ? Nanos(5) : ttft + itl.Sum();
        var scheduled = index * 500_000L;
        var sent = scheduled + Nanos(random.NextDouble() * 0.2);
        return new RequestRecord
        {
            Stage = Stage,
            Concurrency = 64,
            Round = round,
            RequestId = id,
            SessionId = id,
            Turn = 0,
            Status = failed ? "error" : "ok",
            ErrorKind = failed ? "http_error" : null,
            Error = failed ? "HTTP 503: overloaded" : null,
            HttpStatus = failed ? 503 : 200,
            TtftMs = failed ? null : Ms(ttft),
            ItlMs = Array.ConvertAll(itl, Ms),

            // As the client computes TPOT: the first-to-last token span over the gaps, the one
            // figure that is a quotient rather than whole nanoseconds.
            TpotMs = failed ? null : Ms(e2e - ttft) / ItlGaps,
            E2eLatencyMs = Ms(e2e),
            ScheduleLagMs = Ms(sent - scheduled),
            ScheduledAtMs = Ms(scheduled),
            SentAtMs = Ms(sent),
            DoneAtMs = Ms(sent + e2e),
            PromptTokens = failed ? null : 500 + random.Next(1500),
            CompletionTokens = failed ? null : ItlGaps + 1,
            CachedTokens = failed ? null : round == 1 ? 0 : 480,
            OutputTokens = failed ? 0 : ItlGaps + 1,
            FinishReason = failed ? null : "length",
            TokenEvents = failed ? 0 : ItlGaps + 1,
        };
    }

    private static long[] Gaps(Random random)
    {
        var gaps = new long[ItlGaps];
        for (var g = 0; g < gaps.Length; g++)
        {
            // Mostly near 10 ms with an exponential tail, like a decode loop with occasional
            // preemptions.
            var tail = -3 * Math.Log(1 - random.NextDouble());
            gaps[g] = Nanos(8 + (4 * random.NextDouble()) + tail);
        }

        return gaps;
    }

    // Times are made as the client measures them: whole nanosecond ticks (Stopwatch's tick on
    // Linux) divided into ms by Timestamps. Arbitrary doubles would be 17-digit figures no run
    // produces, whose slower formatting would misstate what requests.jsonl costs.
    private static long Nanos(double ms) => (long)Math.Round(ms * 1e6);

    private static double Ms(long nanos) => nanos / 1e6;
}
