namespace FluxPerf.Monitoring;

/// <summary>A line the parser could not use.</summary>
/// <param name="LineNumber">The 1-based line number in the scraped text.</param>
/// <param name="Line">The line (cut to 200 characters).</param>
/// <param name="Reason">What was wrong with it.</param>
public sealed record ParseWarning(int LineNumber, string Line, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"line {LineNumber}: {Reason}: {Line}";
}
