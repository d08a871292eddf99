using System.Globalization;
using FluxPerf.Reporting.Charts;
using FluxPerf.Running;

namespace FluxPerf.Reporting.Allure;

/// <summary>
/// Turns one concurrency level into an Allure test case: suite labels, parameters (stage, mode,
/// concurrency, samples, endpoint, model; run id and seed excluded from the history), the
/// cache resets as steps, the comparison and per-round statistics as CSV tables, the request
/// records as JSON and the level's charts as PNG. The caller decides the status (SLO gates).
/// </summary>
public static class LevelReportBuilder
{
    /// <summary>The test's stable full name: <c>fluxperf.{recipe}.{stage}</c>; the
    /// concurrency is a parameter, so each level is its own history line.</summary>
    public static string FullName(LevelResult level, LevelReportContext context)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(context);
        return $"fluxperf.{context.Recipe}.{level.Stage}";
    }

    /// <summary>Starts the level's test case with its labels and parameters.</summary>
    public static AllureTestCase StartTestCase(
        AllureResultsWriter writer,
        LevelResult level,
        LevelReportContext context)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{level.Stage} at concurrency {level.Concurrency}");
        var testCase = writer.StartTestCase(name, FullName(level, context));
        Describe(testCase, level, context);
        return testCase;
    }

    /// <summary>Adds the level's labels and parameters to a test case.</summary>
    public static void Describe(AllureTestCase testCase, LevelResult level,
        LevelReportContext context)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(context);
        var concurrency = level.Concurrency.ToString(CultureInfo.InvariantCulture);

        testCase.SetLabel(AllureLabel.ParentSuite, context.Recipe)
            .SetLabel(AllureLabel.Suite, level.Stage)
            .SetLabel(AllureLabel.SubSuite, $"c={concurrency}")
            .SetLabel(AllureLabel.Feature, context.Mode)
            .SetLabel(AllureLabel.Story, level.Stage)
            .SetLabel(AllureLabel.Package, $"fluxperf.{context.Recipe}")
            .SetLabel(AllureLabel.Severity, "normal")
            .AddTag(context.Model)
            .AddTag(context.Mode);

        testCase.AddParameter("stage", level.Stage)
            .AddParameter("mode", context.Mode)
            .AddParameter("concurrency", concurrency)
            .AddParameter("samples", level.Samples.ToString(CultureInfo.InvariantCulture))
            .AddParameter("endpoint", PublicEndpoint(context.Endpoint))
            .AddParameter("model", context.Model)
            .AddParameter("run_id", context.RunId, excluded: true);
        if (context.Seed is { } seed)
        {
            testCase.AddParameter("seed", seed.ToString(CultureInfo.InvariantCulture),
                excluded: true);
        }
    }

    /// <summary>
    /// Adds the resets as steps and the tables, records and charts as attachments.
    /// </summary>
    public static async Task AttachAsync(
        AllureTestCase testCase,
        LevelResult level,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(level);

        AddResetSteps(testCase, level);

        await testCase.AttachCsvAsync("Round 2 vs round 1", LevelTables.ComparisonCsv(level),
            cancellationToken);
        await testCase.AttachCsvAsync("Statistics per round", LevelTables.StatisticsCsv(level),
            cancellationToken);
        await AttachChartsAsync(testCase, level, cancellationToken);
        await testCase.AttachJsonAsync("Request records", LevelTables.RecordsJson(level),
            cancellationToken);
        if (level.Warnings.Count > 0)
        {
            await testCase.AttachTextAsync("Warnings", string.Join('\n', level.Warnings),
                cancellationToken);
        }
    }

    /// <summary>The level's key figures as Allure 3 metric samples (see
    /// <see cref="LevelMetrics"/>), stamped with the test's start and stop.</summary>
    public static IReadOnlyList<AllureMetric> Metrics(LevelResult level, long startMs,
        long stopMs) => LevelMetrics.From(level, startMs, stopMs);

    /// <summary>The endpoint without user info, query or fragment, which may carry
    /// credentials.</summary>
    public static string PublicEndpoint(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            ? $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}"
            : endpoint.Split('?', '#')[0];
    }

    private static void AddResetSteps(AllureTestCase testCase, LevelResult level)
    {
        foreach (var reset in level.Resets)
        {
            var start = reset.At.ToUnixTimeMilliseconds();
            var stop = start + (long)Math.Round(reset.ElapsedMs);
            var status = reset.Failed ? AllureStatus.Broken : AllureStatus.Passed;
            var step = testCase.AddCompletedStep($"cache reset ({reset.Moment})", status, start,
                stop, reset.Error);
            step.AddParameter("verified", reset.Verified ? "yes" : "no")
                .AddParameter("verification", reset.Verification)
                .AddParameter("http_status",
                    reset.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "none");
        }
    }

    private static async Task AttachChartsAsync(AllureTestCase testCase, LevelResult level,
        CancellationToken cancellationToken)
    {
        foreach (var (name, _, render) in LevelChartSet.For(level))
        {
            await AttachChartAsync(testCase, name, render, cancellationToken);
        }
    }

    /// <summary>Attaches one chart; a chart that cannot be drawn (e.g. the native drawing
    /// library is missing) becomes a text note, so the figures still reach the report.</summary>
    public static async Task AttachChartAsync(
        AllureTestCase testCase,
        string name,
        Func<byte[]> render,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(render);
        byte[] png;
        try
        {
            png = render();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await testCase.AttachTextAsync($"{name} (not drawn)",
                $"the chart could not be drawn: {ex.GetType().Name}: {ex.Message}",
                cancellationToken);
            return;
        }

        await testCase.AttachPngAsync(name, png, cancellationToken);
    }
}
