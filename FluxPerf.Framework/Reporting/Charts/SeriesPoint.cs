namespace FluxPerf.Reporting.Charts;

/// <summary>One value of a named series at a moment (e.g. a scraped server gauge).</summary>
/// <param name="TimeS">Seconds since a reference the caller chooses (e.g. the level's
/// start).</param>
/// <param name="Series">The series' name, shown in the legend.</param>
/// <param name="Value">The value.</param>
public readonly record struct SeriesPoint(double TimeS, string Series, double Value);
