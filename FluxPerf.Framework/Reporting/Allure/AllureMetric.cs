namespace FluxPerf.Reporting.Allure;

/// <summary>
/// One metric sample for Allure 3's performance view (<c>{uuid}-perf.json</c>), which shows the
/// same key as a trend across runs.
/// </summary>
/// <param name="Key">Stable metric key, e.g. <c>warm.c8.round2.ttft_p95_ms</c>.</param>
/// <param name="Value">The value; non-finite values are left out when written.</param>
/// <param name="Start">When the measured interval started, epoch ms.</param>
/// <param name="Stop">When it ended, epoch ms.</param>
/// <param name="Unit">Unit shown beside the value, e.g. <c>ms</c>.</param>
/// <param name="Better"><c>lower</c> or <c>higher</c>: which way is an improvement.</param>
public sealed record AllureMetric(
    string Key,
    double Value,
    long Start,
    long Stop,
    string? Unit = null,
    string? Better = null);
