using FluxPerf.Client;
using FluxPerf.Configuration;
using FluxPerf.Datasets;
using FluxPerf.Metrics;

namespace FluxPerf.Running;

/// <summary>
/// What a stage keeps across its levels: the client, the dataset, the reset controller.
/// </summary>
internal sealed class StageState : IDisposable
{
    private readonly HttpClient _resetHttp = new() { Timeout = TimeSpan.FromSeconds(30) };

    public StageState(BenchmarkConfig config, SloSpec? slo, Reporting.PrometheusCsvWriter csv)
    {
        Config = config;
        Slo = slo;
        var (samples, note) = config.SamplesForLevels();
        Samples = samples;
        if (note is not null)
        {
            Notes.Add(note);
        }

        var dataset = DatasetLoader.Load(config.DatasetPath);
        Sessions = dataset.Sessions;
        if (dataset.SkippedCount > 0)
        {
            Notes.Add($"{dataset.SkippedCount} dataset entries had no usable user text "
                + "and were skipped");
        }

        Client = new StreamingClient(ClientOptionsFor(config));
        ProbeClient = new StreamingClient(ClientOptionsFor(config) with { MaxConnections = 2 });
        Monitor = RoundMonitor.For(config, csv);
        Controller = config.ResetCacheUrl is { } url
            ? new HttpCacheController(_resetHttp, url,
                config.ResetVerification == ResetVerificationPolicy.None ? null : ProbeClient,
                hitCounter: Monitor is null ? null : Monitor.ReadHitCounterAsync)
            : null;
    }

    public BenchmarkConfig Config { get; }

    public SloSpec? Slo { get; }

    public IReadOnlyList<int> Samples { get; }

    public List<string> Notes { get; } = [];

    public IReadOnlyList<Session> Sessions { get; }

    public StreamingClient Client { get; }

    public StreamingClient ProbeClient { get; }

    public ICacheController? Controller { get; }

    public RoundMonitor? Monitor { get; }

    public List<LevelResult> Levels { get; } = [];

    public IReadOnlyList<PlannedSession> Plan(int levelIndex, int concurrency)
    {
        var count = Samples[levelIndex];
        if (count > Sessions.Count)
        {
            throw new ConfigurationException(
                $"stage \"{Config.StageName}\" asks for {count} samples "
                + $"at concurrency {concurrency}, but dataset \"{Config.DatasetPath}\" has only "
                + $"{Sessions.Count} usable entries; lower num_samples or use a larger dataset");
        }

        // Each level draws its own sample (seed + level index): the same seed for every level
        // would send level 2 a superset of level 1's prompts, warm from level 1 unless reset.
        var sampled = Sampler.Sample(Sessions, count, Config.Seed + levelIndex);
        return sampled.Select(s => ToPlanned(s, concurrency)).ToArray();
    }

    private PlannedSession ToPlanned(Session s, int concurrency)
    {
        var users = Config.Mode == BenchmarkMode.DualRound ? [s.UserMessages[0]] : s.UserMessages;
        if (Config.MaxInputLength is { } max)
        {
            users = users.Select(u => TokenCounter.Cl100kBase.Truncate(u, max)).ToArray();
        }

        return new PlannedSession(
            $"c{concurrency}-{s.Id}", s.Id, s.SystemPrompt, users, s.MaxTokens);
    }

    private static ClientOptions ClientOptionsFor(BenchmarkConfig c) => new()
    {
        Endpoint = c.Endpoint!, // validated before a stage starts
        Model = c.Model,
        DefaultMaxTokens = c.MaxOutputTokens,
        Temperature = c.Temperature,
        IgnoreEos = c.IgnoreEos,
        ApiKeyEnvironmentVariable = c.ApiKeyEnvironmentVariable,
        RequestTimeout = c.RequestTimeout,
        MaxConnections = Math.Max(c.ConcurrencyLevels.DefaultIfEmpty(1).Max(), 1) + 4,
        ExtraBody = c.ExtraBody,
        ExtraHeaders = c.ExtraHeaders,
    };

    public void Dispose()
    {
        Monitor?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Client.Dispose();
        ProbeClient.Dispose();
        _resetHttp.Dispose();
    }
}
