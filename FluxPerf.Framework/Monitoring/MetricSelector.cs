namespace FluxPerf.Monitoring;

/// <summary>
/// Chooses which series a collector keeps. A pattern is a metric name with optional <c>*</c>
/// wildcards and optional label matchers: <c>vllm:num_requests_*</c>,
/// <c>vllm:request_success_total{finished_reason="stop"}</c>, <c>x{engine!="1"}</c>. A pattern
/// naming a family (<c>vllm:time_to_first_token_seconds</c>) keeps all its samples
/// (<c>_bucket</c>, <c>_sum</c>, <c>_count</c>) except the <c>_created</c> timestamps; a pattern
/// naming a sample keeps just that sample; <c>_created</c> samples only when the pattern
/// itself contains <c>_created</c>.
/// </summary>
public sealed partial class MetricSelector
{
    private readonly MetricPattern[] _patterns;

    /// <summary>Creates a selector; a sample is kept when any pattern matches it.</summary>
    /// <param name="patterns">The patterns, see the type's remarks.</param>
    /// <exception cref="ArgumentException">Listing every malformed pattern.</exception>
    public MetricSelector(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        Patterns = [.. patterns];
        var errors = new List<string>();
        _patterns = [.. Patterns.Select(p => MetricPattern.Parse(p, errors))
            .OfType<MetricPattern>()];
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "Invalid metric pattern(s): " + string.Join("; ", errors), nameof(patterns));
        }

        if (Patterns.Count == 0)
        {
            throw new ArgumentException(
                "A metric selector needs at least one pattern; use \"*\" to keep everything.",
                nameof(patterns));
        }
    }

    /// <summary>A selector that keeps every sample.</summary>
    public static MetricSelector All { get; } = new(["*"]);

    /// <summary>The patterns as given.</summary>
    public IReadOnlyList<string> Patterns { get; }

    /// <summary>Whether <paramref name="sample"/> of <paramref name="family"/> is kept.</summary>
    /// <param name="family">The family the sample belongs to.</param>
    /// <param name="sample">The sample.</param>
    public bool Matches(MetricFamily family, MetricSample sample)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(sample);
        foreach (var pattern in _patterns)
        {
            if (pattern.Matches(family, sample))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A copy of <paramref name="scrape"/> holding only the kept samples; families
    /// left without samples are dropped, warnings are kept.</summary>
    /// <param name="scrape">A parsed scrape.</param>
    public ScrapeResult Filter(ScrapeResult scrape)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        var families = new List<MetricFamily>();
        foreach (var family in scrape.Families)
        {
            var kept = family.Samples.Where(s => Matches(family, s)).ToArray();
            if (kept.Length > 0)
            {
                families.Add(family with { Samples = [.. kept] });
            }
        }

        return scrape with { Families = families };
    }
}
