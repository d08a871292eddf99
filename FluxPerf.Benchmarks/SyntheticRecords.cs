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
        var ttft = (round == 1 ? 400 : 120) * (0.5 + random.NextDouble());
        var itl = failed ? [] : Gaps(random);
        var e2e = ttft + itl.Sum();
        var sent = index * 0.5;
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
            TtftMs = failed ? null : ttft,
            ItlMs = itl,
            TpotMs = failed ? null : (e2e - ttft) / ItlGaps,
            E2eLatencyMs = failed ? 5 : e2e,
            ScheduleLagMs = random.NextDouble() * 0.2,
            ScheduledAtMs = sent,
            SentAtMs = sent + 0.05,
            DoneAtMs = sent + e2e,
            PromptTokens = failed ? null : 500 + random.Next(1500),
            CompletionTokens = failed ? null : ItlGaps + 1,
            CachedTokens = failed ? null : round == 1 ? 0 : 480,
            OutputTokens = failed ? 0 : ItlGaps + 1,
            FinishReason = failed ? null : "length",
            TokenEvents = failed ? 0 : ItlGaps + 1,
        };
    }

    private static double[] Gaps(Random random)
    {
        var gaps = new double[ItlGaps];
        for (var g = 0; g < gaps.Length; g++)
        {
            // Mostly near 10 ms with an exponential tail, like a decode loop with occasional
            // preemptions.
            gaps[g] = 8 + (4 * random.NextDouble()) - (3 * Math.Log(1 - random.NextDouble()));
        }

        return gaps;
    }
}
