using System.Globalization;
using FluxPerf.Running;

namespace FluxPerf.Cli.Running;

/// <summary>The words of one round's progress, shared by the live and the plain display.</summary>
internal static class ProgressText
{
    /// <summary>E.g. <c>quickstart c=4 round 2</c>.</summary>
    public static string Title(RoundProgress p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Stage} c={p.Concurrency} round {p.Round}");

    /// <summary>E.g. <c>12/16 done, 0 errors, 4 in flight, TTFT p50 10.7 ms</c>.</summary>
    public static string Counts(RoundProgress p)
    {
        var ttft = p.TtftP50Ms is { } t
            ? string.Create(CultureInfo.InvariantCulture, $", TTFT p50 {t:0.0} ms")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{p.Done}/{p.Total} done, {p.Errors} errors, {p.InFlight} in flight{ttft}");
    }
}
