using FluxPerf.Configuration;

namespace FluxPerf.Cli.Running;

/// <summary>Lays the flags the user gave over a configuration, leaving the rest alone.</summary>
internal sealed partial class RunPlanner
{
    private BenchmarkConfig Apply(BenchmarkConfig config)
    {
        config = ApplyTarget(config);
        config = ApplyLoad(config);
        config = ApplyRequests(config);
        config = ApplyResets(config);
        return ApplyOutput(config);
    }

    private BenchmarkConfig ApplyTarget(BenchmarkConfig c)
    {
        var f = _flags;
        c = Has(f.Dataset) ? c with { DatasetPath = Path.GetFullPath(Get(f.Dataset)) } : c;
        c = _endpoint is not null ? c with { Endpoint = _endpoint } : c;
        c = Has(f.Model) ? c with { Model = Get(f.Model) } : c;
        c = Has(f.ApiKeyEnv) ? c with { ApiKeyEnvironmentVariable = Get(f.ApiKeyEnv) } : c;
        c = _prometheusUrls is not null ? c with { PrometheusUrls = _prometheusUrls } : c;
        c = Has(f.PrometheusMetrics) ? c with { PrometheusMetrics = Get(f.PrometheusMetrics) } : c;
        return Has(f.SloFile) ? c with { SloFile = Path.GetFullPath(Get(f.SloFile)) } : c;
    }

    private BenchmarkConfig ApplyLoad(BenchmarkConfig c)
    {
        var f = _flags;
        c = Has(f.Mode) ? c with { Mode = Mode(Get(f.Mode)) } : c;
        c = Has(f.Concurrency) ? c with { ConcurrencyLevels = Get(f.Concurrency) } : c;
        c = Has(f.NumSamples) ? c with { NumSamples = Get(f.NumSamples) } : c;
        c = Has(f.Seed) ? c with { Seed = Get(f.Seed) } : c;
        return Has(f.NoShuffleRound2) ? c with { ShuffleRound2 = !Get(f.NoShuffleRound2) } : c;
    }

    private BenchmarkConfig ApplyRequests(BenchmarkConfig c)
    {
        var f = _flags;
        c = Has(f.MaxInputLength) ? c with { MaxInputLength = Get(f.MaxInputLength) } : c;
        c = Has(f.MaxOutputTokens) ? c with { MaxOutputTokens = Get(f.MaxOutputTokens) } : c;
        c = Has(f.Temperature) ? c with { Temperature = Get(f.Temperature) } : c;
        c = Has(f.IgnoreEos) ? c with { IgnoreEos = Get(f.IgnoreEos) } : c;
        c = Has(f.Timeout) ? c with { RequestTimeout = TimeSpan.FromSeconds(Get(f.Timeout)) } : c;
        return Has(f.MaxContextTokens) ? c with { MaxContextTokens = Get(f.MaxContextTokens) } : c;
    }

    private BenchmarkConfig ApplyResets(BenchmarkConfig c)
    {
        var f = _flags;
        c = _resetUrl is not null ? c with { ResetCacheUrl = _resetUrl } : c;
        c = Has(f.ResetBetweenRounds)
            ? c with { ResetCacheBetweenRounds = Get(f.ResetBetweenRounds) } : c;
        c = Has(f.ResetBetweenConcurrency)
            ? c with { ResetCacheBetweenConcurrency = Get(f.ResetBetweenConcurrency) } : c;
        c = Has(f.ResetAtEnd) ? c with { ResetCacheAtEnd = Get(f.ResetAtEnd) } : c;
        return Has(f.ResetVerification)
            ? c with { ResetVerification = Policy(Get(f.ResetVerification)) } : c;
    }

    private BenchmarkConfig ApplyOutput(BenchmarkConfig c)
    {
        var f = _flags;
        c = Has(f.OutputDir) ? c with { OutputDirectory = Get(f.OutputDir) } : c;
        c = Has(f.SaveRequests) ? c with { SaveRequests = Get(f.SaveRequests) } : c;
        c = Has(f.Debug) ? c with { Debug = Get(f.Debug) } : c;
        return Has(f.DebugLogDir)
            ? c with { DebugLogDirectory = Path.GetFullPath(Get(f.DebugLogDir)) } : c;
    }

    // The parser already restricted both to these values (AcceptOnlyFromAmong).
    private static BenchmarkMode Mode(string value) =>
        value == "multi_turn" ? BenchmarkMode.MultiTurn : BenchmarkMode.DualRound;

    private static ResetVerificationPolicy Policy(string value) => value switch
    {
        "none" => ResetVerificationPolicy.None,
        "strict" => ResetVerificationPolicy.Strict,
        _ => ResetVerificationPolicy.Warn,
    };
}
