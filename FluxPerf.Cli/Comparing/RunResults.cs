namespace FluxPerf.Cli.Comparing;

/// <summary>The levels of one run, as read from its results.json.</summary>
/// <param name="File">The results.json file.</param>
/// <param name="RunId">The run's id (its folder name).</param>
/// <param name="Levels">Every level of every stage, in file order.</param>
internal sealed record RunResults(string File, string RunId, IReadOnlyList<LevelResults> Levels);

/// <summary>One level of a run.</summary>
/// <param name="Stage">Stage name.</param>
/// <param name="Concurrency">Concurrency level.</param>
/// <param name="Speedups">Round 1 / round 2 TTFT speedups.</param>
/// <param name="Rows">Every comparison row (metric, statistic, both rounds).</param>
/// <param name="Gates">The SLO gates' verdicts; empty without an SLO file.</param>
internal sealed record LevelResults(
    string Stage,
    int Concurrency,
    Speedups Speedups,
    IReadOnlyList<MetricRow> Rows,
    IReadOnlyList<GateVerdict> Gates);

/// <summary>A level's TTFT speedups (round 1 / round 2).</summary>
internal sealed record Speedups(double? P50, double? Mean, double? PairedMedian);

/// <summary>One statistic of both rounds.</summary>
internal sealed record MetricRow(string Metric, string Stat, double? Round1, double? Round2);

/// <summary>One SLO gate's verdict.</summary>
internal sealed record GateVerdict(string Name, bool Passed, double? Actual);

/// <summary>A path that is not a readable FluxPerf results.json; the message says why.</summary>
internal sealed class ResultsFileException(string message) : Exception(message);
