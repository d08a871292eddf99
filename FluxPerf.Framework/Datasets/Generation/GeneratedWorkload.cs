using FluxPerf.Datasets.Conversion;

namespace FluxPerf.Datasets.Generation;

/// <summary>
/// A generated workload: the entries to write and the requests they make, in send order.
/// </summary>
internal sealed record GeneratedWorkload(
    IReadOnlyList<BenchmarkEntry> Entries,
    IReadOnlyList<PlannedRequest> Requests)
{
    /// <summary>Writes the JSONL and its expected-reuse sidecar.</summary>
    public GenerationSummary Write(
        string outputPath,
        string generator,
        int seed,
        CancellationToken cancellationToken)
    {
        var reuse = PrefixReuseCalculator.Compute(Requests);
        var written = BenchmarkJsonlWriter.Write(outputPath, Entries, cancellationToken);
        var expectedPath = ExpectedReuseFile.Write(outputPath, generator, seed, reuse);
        return new GenerationSummary(
            outputPath,
            expectedPath,
            written,
            Requests.Count,
            reuse.Sum(r => (long)r.PromptTokens),
            reuse.Sum(r => (long)r.ReusableTokens));
    }
}
