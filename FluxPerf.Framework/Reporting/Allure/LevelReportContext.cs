namespace FluxPerf.Reporting.Allure;

/// <summary>Where a level was measured: what the Allure test case of a level is named and
/// parameterised by, beside the level itself.</summary>
public sealed record LevelReportContext
{
    /// <summary>The recipe's name (the Suites tree's top level).</summary>
    public required string Recipe { get; init; }

    /// <summary>The benchmark mode (e.g. <c>multi_turn</c>).</summary>
    public required string Mode { get; init; }

    /// <summary>
    /// The server's base URL; user info and query are dropped before it is written.
    /// </summary>
    public required string Endpoint { get; init; }

    /// <summary>The model served.</summary>
    public required string Model { get; init; }

    /// <summary>
    /// The run's id: an excluded parameter, so every run continues the same history.
    /// </summary>
    public required string RunId { get; init; }

    /// <summary>The sampling seed, an excluded parameter; null when none was set.</summary>
    public int? Seed { get; init; }
}
