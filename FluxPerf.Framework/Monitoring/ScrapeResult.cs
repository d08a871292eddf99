namespace FluxPerf.Monitoring;

/// <summary>The parsed content of one <c>/metrics</c> response.</summary>
/// <param name="Families">The families in order of first appearance.</param>
/// <param name="Warnings">One entry per line that could not be used.</param>
/// <param name="Format">The format the text was read as.</param>
public sealed record ScrapeResult(
    IReadOnlyList<MetricFamily> Families,
    IReadOnlyList<ParseWarning> Warnings,
    ExpositionFormat Format)
{
    /// <summary>How many lines were bad (skipped); the good samples are still there.</summary>
    public int BadLineCount => Warnings.Count;

    /// <summary>How many samples the scrape holds across all families.</summary>
    public int SampleCount => Families.Sum(f => f.Samples.Length);

    /// <summary>The family named <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The family name, as in its <c># TYPE</c> line.</param>
    public MetricFamily? FindFamily(string name) => Families.FirstOrDefault(f => f.Name == name);

    /// <summary>Every sample whose own name is <paramref name="sampleName"/>.</summary>
    /// <param name="sampleName">For example <c>vllm:prefix_cache_hits_total</c>.</param>
    public IEnumerable<MetricSample> SamplesNamed(string sampleName) =>
        Families.SelectMany(f => f.Samples).Where(s => s.Name == sampleName);
}
