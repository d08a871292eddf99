namespace FluxPerf.Reporting.Charts;

/// <summary>A moment drawn as a vertical line (a round boundary, a cache reset).</summary>
/// <param name="TimeS">Seconds, on the same scale as the series' points.</param>
/// <param name="Label">Text written beside the line.</param>
public sealed record TimeMarker(double TimeS, string Label);
