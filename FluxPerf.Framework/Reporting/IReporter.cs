using FluxPerf.Running;

namespace FluxPerf.Reporting;

/// <summary>
/// An output of a run (a file, a table, a report). Every reporter receives the same finished
/// results after each level, so adding one touches nothing else.
/// </summary>
public interface IReporter
{
    /// <summary>Writes or refreshes this output from the results so far.</summary>
    Task ReportAsync(BenchmarkResult result, string runFolder, CancellationToken cancellationToken);
}
