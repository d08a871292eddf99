using System.Collections.ObjectModel;
using System.Text.Json;
using FluxPerf.Metrics;
using FluxPerf.Reporting;
using FluxPerf.Running;

namespace FluxPerf.Tests.Metrics;

/// <summary>
/// The one-pass analysis gives the same figures, to the last bit, as the plain LINQ
/// definitions below, which it replaced for speed: results of old and new runs must compare.
/// </summary>
[TestFixture]
public sealed class RoundAnalysisEquivalenceTests
{
    private static readonly GoodputCriteria?[] _criteria =
    [
        null,
        new GoodputCriteria(),
        new GoodputCriteria { MaxTtftMs = 300, MaxItlMs = 12, MaxTpotMs = 13 },
        new GoodputCriteria { MaxE2eLatencyMs = 700, MinOutputTokenThroughput = 25 },
    ];

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Analyze_SeededRoundOfEveryKindOfRecord_EqualsTheLinqDefinition(int criteria)
    {
        var records = Records(new Random(31 + criteria), round: 1, 3000);

        var analysed = RoundAnalyzer.Analyze(records, _criteria[criteria]);

        Assert.That(Json(analysed), Is.EqualTo(Json(Reference(records, _criteria[criteria]))));
    }

    [Test]
    public void Analyze_NoRecords_EqualsTheLinqDefinition()
    {
        Assert.That(Json(RoundAnalyzer.Analyze([], null)), Is.EqualTo(Json(Reference([], null))));
    }

    [TestCase(0)]
    [TestCase(2)]
    [TestCase(7)]
    public void DurationSeconds_NaNSendOrDoneTimes_MatchesEnumerableMinAndMax(int nanAt)
    {
        var records = Records(new Random(5), round: 1, 10);
        var withNaNs = records.Select((r, i) => i == nanAt ? r with { DoneAtMs = double.NaN }
            : i == nanAt + 1 ? r with { SentAtMs = double.NaN } : r).ToList();
        var allDoneNaN = records.Select(r => r with { DoneAtMs = double.NaN }).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RoundAnalyzer.DurationSeconds(records),
                Is.EqualTo(ReferenceDuration(records)));
            Assert.That(RoundAnalyzer.DurationSeconds(withNaNs),
                Is.EqualTo(ReferenceDuration(withNaNs)));
            Assert.That(RoundAnalyzer.DurationSeconds(allDoneNaN),
                Is.EqualTo(ReferenceDuration(allDoneNaN)));
        }
    }

    [Test]
    public void Compare_SeededRounds_PairedSpeedupEqualsTheLinqDefinition()
    {
        var random = new Random(17);
        var round1 = Records(random, round: 1, 4000);
        var round2 = Records(random, round: 2, 4000);
        round2.Reverse();
        var s1 = RoundAnalyzer.Analyze(round1, null);
        var s2 = RoundAnalyzer.Analyze(round2, null);

        var comparison = RoundComparer.Compare(s1, s2, round1, round2, seed: 3);

        Assert.That(comparison.PairedTtftSpeedup,
            Is.EqualTo(ReferencePaired(round1, round2, seed: 3)));
    }

    [Test]
    public void Compare_DuplicateRequestIdInRound1_ThrowsAsBefore()
    {
        var round1 = Records(new Random(2), round: 1, 20);
        round1.Add(round1.First(r => r.Succeeded && r.TtftMs > 0));
        var s1 = RoundAnalyzer.Analyze(round1, null);

        Assert.That(() => RoundComparer.Compare(s1, s1, round1, round1, seed: 1),
            Throws.ArgumentException);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ReportJson.Lines);

    private static RoundStatistics Reference(
        List<RequestRecord> records,
        GoodputCriteria? criteria)
    {
        criteria ??= new GoodputCriteria();
        var ok = records.Where(r => r.Succeeded).ToArray();
        var duration = ReferenceDuration(records);
        var withUsage = ok.Where(r => r.PromptTokens is not null).ToArray();
        long prompt = withUsage.Sum(r => (long)r.PromptTokens!.Value);
        long cached = withUsage.Sum(r => (long)(r.CachedTokens ?? 0));
        long output = ok.Sum(r => (long)r.OutputTokens);
        var good = records.Count(criteria.IsGood);
        static double PerSecond(double count, double s) => s > 0 ? count / s : 0;
        return new RoundStatistics
        {
            Requests = records.Count,
            Succeeded = ok.Length,
            Failed = records.Count - ok.Length,
            FailedByKind = records.Where(r => !r.Succeeded)
                .GroupBy(r => r.ErrorKind ?? "unknown", StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            ErrorRate = records.Count == 0 ? 0
                : (records.Count - ok.Length) / (double)records.Count,
            DurationS = duration,
            TtftMs = Distribution.Of(ok.Where(r => r.TtftMs is not null)
                .Select(r => r.TtftMs!.Value).ToArray()),
            ItlMs = Distribution.Of(ok.SelectMany(r => r.ItlMs).ToArray()),
            TpotMs = Distribution.Of(ok.Where(r => r.TpotMs is not null)
                .Select(r => r.TpotMs!.Value).ToArray()),
            E2eLatencyMs = Distribution.Of(ok.Select(r => r.E2eLatencyMs).ToArray()),
            InputTokens = Distribution.Of(withUsage.Select(r => (double)r.PromptTokens!.Value)
                .ToArray()),
            OutputTokens = Distribution.Of(ok.Select(r => (double)r.OutputTokens).ToArray()),
            ScheduleLagMs = Distribution.Of(records.Select(r => r.ScheduleLagMs).ToArray()),
            RequestThroughput = PerSecond(ok.Length, duration),
            OutputTokenThroughput = PerSecond(output, duration),
            TotalTokenThroughput = PerSecond(output + prompt, duration),
            Goodput = new Goodput(PerSecond(good, duration),
                records.Count == 0 ? 0 : good / (double)records.Count, criteria.ToString()),
            CachedTokenFraction = prompt == 0 ? null : cached / (double)prompt,
            PromptTokensTotal = prompt,
            CachedTokensTotal = cached,
            OutputTokensEstimated = ok.Any(r => r.OutputTokensEstimated),
        };
    }

    private static double ReferenceDuration(List<RequestRecord> records) =>
        records.Count == 0 ? 0
            : (records.Max(r => r.DoneAtMs) - records.Min(r => r.SentAtMs)) / 1000.0;

    private static PairedSpeedup? ReferencePaired(
        IReadOnlyList<RequestRecord> records1,
        IReadOnlyList<RequestRecord> records2,
        int seed)
    {
        var first = records1.Where(r => r.Succeeded && r.TtftMs > 0)
            .ToDictionary(r => r.RequestId, r => r.TtftMs!.Value, StringComparer.Ordinal);
        var ratios = records2
            .Where(r => r.Succeeded && r.TtftMs > 0 && first.ContainsKey(r.RequestId))
            .Select(r => first[r.RequestId] / r.TtftMs!.Value)
            .ToArray();
        if (ratios.Length == 0)
        {
            return null;
        }

        var resamples = Math.Clamp(20_000_000 / ratios.Length, 200, 2000);
        var (median, low, high) = Bootstrap.MedianCi(ratios, resamples, seed: seed);
        return new PairedSpeedup(ratios.Length, median, low, high);
    }

    private static string? Kind(int index) => index switch
    {
        0 => "http_error",
        1 => "timeout",
        _ => null,
    };

    private static IReadOnlyList<double> AsList(double[] gaps, int kind) => kind switch
    {
        0 => gaps,
        1 => gaps.ToList(),
        _ => new ReadOnlyCollection<double>(gaps),
    };

    private static List<RequestRecord> Records(Random random, int round, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Record(random, round, i))];

    private static RequestRecord Record(Random random, int round, int index)
    {
        // Every shape a round can hold: failures of several kinds (one with none), successes
        // without TTFT, usage or cached count, one-token answers, estimated counts, and ITL
        // lists of each collection type the analysis reads.
        var failed = random.Next(10) == 0;
        var tokens = random.Next(8) == 0 ? 1 : random.Next(2, 30);
        var gaps = Enumerable.Range(0, tokens - 1)
            .Select(_ => random.NextInt64(5_000_000, 20_000_000) / 1e6).ToArray();
        var ttft = random.NextDouble() * (round == 1 ? 600 : 150);
        var sent = (index * 3.5) + random.NextDouble();
        var e2e = ttft + gaps.Sum();
        return new RequestRecord
        {
            Stage = "s",
            Concurrency = 4,
            Round = round,
            RequestId = $"r{index}",
            SessionId = $"s{index}",
            Turn = 0,
            Status = failed ? "error" : "ok",
            ErrorKind = failed ? Kind(random.Next(3)) : null,
            TtftMs = failed || random.Next(50) == 0 ? null : ttft,
            ItlMs = failed ? [] : AsList(gaps, random.Next(3)),
            TpotMs = failed || tokens == 1 ? null : (e2e - ttft) / (tokens - 1),
            E2eLatencyMs = e2e,
            ScheduleLagMs = random.NextDouble(),
            ScheduledAtMs = sent - 0.1,
            SentAtMs = sent,
            DoneAtMs = sent + e2e,
            PromptTokens = failed || random.Next(20) == 0 ? null : random.Next(10, 5000),
            CachedTokens = random.Next(4) == 0 ? null : random.Next(0, 10),
            OutputTokens = failed ? 0 : tokens,
            OutputTokensEstimated = random.Next(500) == 0,
        };
    }
}
