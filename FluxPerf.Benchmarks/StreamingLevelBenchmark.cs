using System.Diagnostics;
using FluxPerf.Client;

namespace FluxPerf.Benchmarks;

/// <summary>
/// Runs the real <see cref="StreamingClient"/> against the out-of-process mock at one
/// concurrency and accounts for its CPU, allocations and memory, then holds its timestamps
/// against the mock's journal.
/// </summary>
internal sealed class StreamingLevelBenchmark
{
    /// <summary>The mock's latency model: every request is on a fixed schedule, so any spread
    /// in the mock's own gaps is the machine, not the model.</summary>
    public const double BaseTtftMs = 20;
    public const double DefaultItlMs = 10;

    private readonly MockProcess _mock;
    private readonly StreamingClient _client;
    private readonly HarnessOptions _options;
    private readonly double _idleCpuPerSecond;
    private readonly double _itlMs;

    public StreamingLevelBenchmark(
        MockProcess mock,
        StreamingClient client,
        HarnessOptions options,
        double idleCpuPerSecond,
        double itlMs = DefaultItlMs)
    {
        _mock = mock;
        _client = client;
        _options = options;
        _idleCpuPerSecond = idleCpuPerSecond;
        _itlMs = itlMs;
    }

    /// <summary>Mock flags for this benchmark's latency model.</summary>
    public static IReadOnlyList<string> MockFlags(int maxLevel, int tokens, double itlMs) =>
    [
        "--base-ttft-ms", $"{BaseTtftMs}", "--itl-ms", $"{itlMs}",
        "--prefill-ms-per-token", "0", "--tokens-per-event", "1",
        "--default-max-tokens", $"{tokens}", "--max-num-seqs", $"{maxLevel + 16}",
        "--enable-prefix-caching", "false",
    ];

    /// <summary>Sends a few short requests so JIT compilation and connection set-up are not
    /// charged to the first level.</summary>
    public async Task WarmUpAsync()
    {
        // Long enough for tiered compilation to finish promoting the streaming path: until it
        // has, background JIT work would be charged to the first level and to the idle baseline.
        await ClosedLoop.RunAsync(_client, 64, 640, TimeSpan.FromSeconds(20),
            i => Request($"warm-{i}", 50));
    }

    /// <summary>One short request per connection, so a level on a new mock does not charge
    /// connection set-up to its first requests.</summary>
    public async Task OpenConnectionsAsync(int concurrency)
    {
        await ClosedLoop.RunAsync(_client, concurrency, concurrency, TimeSpan.FromSeconds(30),
            i => Request($"open-{i}", 2));
    }

    public async Task<LevelFigures> RunAsync(int concurrency)
    {
        var (count, deadline) = Budget(concurrency);
        ResourceProbe.Settle();
        var load = ResourceProbe.LoadAverage();
        var workingSetBefore = WorkingSetSampler.Current();
        var mockCpu = _mock.CpuTime;
        var allocated = ResourceProbe.AllocatedBytes;
        var cpu = Environment.CpuUsage;
        var collections = GcCollections();
        var paused = GC.GetTotalPauseDuration();
        var started = Stopwatch.GetTimestamp();

        ResponseMeasurement?[] results;
        long peakWorkingSet;
        using var allocations = _options.AllocationProfile ? new AllocationSampler() : null;
        await using (var sampler = new WorkingSetSampler())
        {
            results = await ClosedLoop.RunAsync(_client, concurrency, count, deadline,
                i => Request(RequestId(concurrency, i), _options.Tokens));
            peakWorkingSet = sampler.PeakBytes;
        }

        foreach (var (type, bytes) in allocations?.Top(15) ?? [])
        {
            Console.WriteLine($"  c={concurrency} allocated ~{bytes / 1024,8} KB  {type}");
        }

        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var used = Environment.CpuUsage;
        var cost = new LevelCost(
            (used.TotalTime - cpu.TotalTime).TotalSeconds,
            (used.PrivilegedTime - cpu.PrivilegedTime).TotalSeconds,
            GcCollections() - collections,
            (GC.GetTotalPauseDuration() - paused).TotalMilliseconds,
            ResourceProbe.AllocatedBytes - allocated,
            (_mock.CpuTime - mockCpu).TotalSeconds,
            peakWorkingSet - workingSetBefore,
            peakWorkingSet);
        var comparison = await TraceComparison.CompareAsync(_mock.BaseAddress, results,
            i => RequestId(concurrency, i), BaseTtftMs, _itlMs);
        return Build(concurrency, results, wall, cost, comparison, load);
    }

    private (int Count, TimeSpan Deadline) Budget(int concurrency)
    {
        // A level is a few generations of the closed loop (each request streams for about
        // Tokens × ITL): enough for steady state, bounded so the harness stays near 5 minutes.
        var generations = concurrency == 1 ? 6 : concurrency <= 512 ? 3 : 2;
        if (_options.Quick)
        {
            generations = concurrency == 1 ? 3 : 2;
        }

        var deadline = TimeSpan.FromSeconds(_options.Quick ? 15 : 40);
        return (concurrency * generations, deadline);
    }

    // Every collection collects generation 0, so its count is the number of collections.
    private static int GcCollections() => GC.CollectionCount(0);

    private static string RequestId(int concurrency, int index) => $"c{concurrency}-{index}";

    private static LlmRequest Request(string id, int maxTokens) =>
        new(id, [ChatMessage.User($"Request {id}: write about latency measurement.")], maxTokens);

    private LevelFigures Build(
        int concurrency,
        ResponseMeasurement?[] results,
        double wall,
        LevelCost cost,
        TraceComparison comparison,
        double[] load)
    {
        var sent = results.Where(r => r is not null).Select(r => r!).ToArray();
        var tokens = sent.Where(r => r.Succeeded).Sum(r => (long)r.OutputTokens);
        var idle = _idleCpuPerSecond * wall;
        var perToken = 1.0 / Math.Max(tokens, 1);
        return new LevelFigures
        {
            Concurrency = concurrency,
            ItlMs = _itlMs,
            Requests = sent.Length,
            Succeeded = sent.Count(r => r.Succeeded),
            Tokens = tokens,
            WallS = wall,
            TokensPerSecond = tokens / wall,
            ClientCpuS = cost.ClientCpuS,
            IdleCpuS = idle,
            ClientCpuUsPerToken = Math.Max(cost.ClientCpuS - idle, 0) * 1e6 * perToken,
            ClientGrossCpuUsPerToken = cost.ClientCpuS * 1e6 * perToken,
            ClientCpuCores = cost.ClientCpuS / wall,
            ClientKernelCpuUsPerToken = cost.ClientKernelCpuS * 1e6 * perToken,
            GcCollections = cost.GcCollections,
            GcPauseMs = cost.GcPauseMs,
            AllocatedBytesPerToken = cost.AllocatedBytes * perToken,
            AllocatedBytesPerRequest = cost.AllocatedBytes / (double)Math.Max(sent.Length, 1),
            PeakWorkingSetMb = cost.PeakWorkingSet / 1048576.0,
            WorkingSetKbPerInFlight = cost.WorkingSetGrowth / 1024.0 / concurrency,
            MockCpuS = cost.MockCpuS,
            MockCpuUsPerToken = cost.MockCpuS * 1e6 * perToken,
            MockCpuCores = cost.MockCpuS / wall,
            TracesCompared = comparison.Compared,
            TracesMismatched = comparison.Mismatched,
            TtftErrorMs = ErrorFigures.Of(comparison.TtftErrorsMs),
            ItlErrorMs = ErrorFigures.Of(comparison.ItlErrorsMs),
            OnScheduleTtftErrorMs = ErrorFigures.Of(comparison.OnScheduleTtftErrorsMs),
            OnScheduleItlErrorMs = ErrorFigures.Of(comparison.OnScheduleItlErrorsMs),
            MockItlMs = ErrorFigures.Of(comparison.MockGapsMs),
            MockOnScheduleFraction = comparison.OnScheduleFraction,
            LoadAverage = load,
        };
    }

    private sealed record LevelCost(
        double ClientCpuS,
        double ClientKernelCpuS,
        int GcCollections,
        double GcPauseMs,
        long AllocatedBytes,
        double MockCpuS,
        long WorkingSetGrowth,
        long PeakWorkingSet);
}
