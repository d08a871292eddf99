namespace FluxPerf.Monitoring;

/// <summary>Identity of a series across scrapes: endpoint, name, sorted labels.</summary>
internal readonly record struct SeriesKey(string Instance, string Metric, string Labels)
{
    public override string ToString() => $"{Metric}{{{Labels}}} at {Instance}";
}
