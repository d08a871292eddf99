using System.CommandLine;
using FluxPerf.Cli.Comparing;

namespace FluxPerf.Cli.Commands;

/// <summary><c>fluxperf compare</c>: two runs side by side, level by level.</summary>
internal static class CompareCommand
{
    /// <summary>Builds the <c>compare</c> command.</summary>
    public static Command Create()
    {
        var a = new Argument<string>("A")
        {
            Description = "Baseline: a run folder or its results.json.",
        };
        var b = new Argument<string>("B")
        {
            Description = "Compared run: a run folder or its results.json.",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Also write the comparison as CSV to this file (replaced if it exists).",
        };
        var command = new Command(
            "compare",
            "Compare two runs level by level (matched by stage and concurrency): every statistic, "
            + "the TTFT speedups and the SLO gates that flipped.\n\n"
            + "Example:\n  fluxperf compare benchmark_results/20261203-171500-000 "
            + "benchmark_results/20261204-090000-000 --output compare.csv")
        {
            a, b, output,
        };
        command.SetAction(pr => Execute(pr, pr.GetValue(a)!, pr.GetValue(b)!, pr.GetValue(output)));
        return command;
    }

    private static int Execute(ParseResult parseResult, string a, string b, string? csvPath)
    {
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            var comparison = RunComparison.Of(ResultsFile.Load(a), ResultsFile.Load(b));
            parseResult.InvocationConfiguration.Output.Write(ComparisonReport.Render(comparison));
            if (csvPath is not null)
            {
                ComparisonCsv.Write(comparison, csvPath);
                parseResult.InvocationConfiguration.Output.WriteLine(
                    $"CSV: {Path.GetFullPath(csvPath)}");
            }

            return ExitCodes.Ok;
        }
        catch (ResultsFileException e)
        {
            error.WriteLine($"error: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read or write a file: {e.Message}");
        }

        return ExitCodes.UsageError;
    }
}
