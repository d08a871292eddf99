using System.Runtime.InteropServices;

namespace FluxPerf.Metrics;

/// <summary>
/// Summary statistics of one measurement (TTFT, ITL, …) over a round, in the unit of the values
/// given. Percentiles interpolate linearly between closest ranks and the standard deviation is
/// the population one (ddof 0), both numpy's defaults, so figures compare with vLLM's.
/// </summary>
/// <param name="Count">Number of values.</param>
/// <param name="Avg">Arithmetic mean.</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Stddev">Population standard deviation.</param>
public sealed record Distribution(
    int Count,
    double Avg,
    double P50,
    double P90,
    double P95,
    double P99,
    double Min,
    double Max,
    double Stddev)
{
    private static readonly double[] _percentiles = [0.50, 0.90, 0.95, 0.99];

    /// <summary>Summarises values in any order; the input is not changed.</summary>
    /// <param name="values">The measurements; every value must be finite.</param>
    /// <returns>The summary, or <c>null</c> when there are no values, so that an empty round
    /// is written as <c>null</c> in JSON rather than as zeros that look measured.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite; a lost measurement must
    /// be left out by the caller, not hidden inside an average.</exception>
    public static Distribution? Of(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return null;
        }

        var (copy, avg, min, max) = ScanIntoCopy(values);
        PlacePercentileRanks(copy);
        return new Distribution(
            copy.Length,
            avg,
            PlacedPercentile(copy, 0.50),
            PlacedPercentile(copy, 0.90),
            PlacedPercentile(copy, 0.95),
            PlacedPercentile(copy, 0.99),
            min,
            max,
            PopulationStddev(copy, avg));
    }

    /// <summary>
    /// Summarises values in any order; see <see cref="Of(ReadOnlySpan{double})"/>.
    /// </summary>
    /// <param name="values">The measurements; every value must be finite.</param>
    /// <returns>The summary, or <c>null</c> when there are no values.</returns>
    public static Distribution? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values switch
        {
            double[] array => Of(array.AsSpan()),
            List<double> list => Of(CollectionsMarshal.AsSpan(list)),
            _ => Of(values.ToArray().AsSpan()),
        };
    }

    private static (double[] Copy, double Mean, double Min, double Max) ScanIntoCopy(
        ReadOnlySpan<double> values)
    {
        // One pass for the copy, the checks, the extremes and the sum: at ten million values the
        // passes over memory, not the arithmetic, are what cost.
        var copy = GC.AllocateUninitializedArray<double>(values.Length);
        var sum = new CompensatedSum();
        double min = values[0], max = values[0];
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (!double.IsFinite(value))
            {
                throw new ArgumentException(
                    $"value [{i}] is {value}; every value must be a finite number",
                    nameof(values));
            }

            copy[i] = value;
            sum.Add(value);
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        return (copy, sum.Total / values.Length, min, max);
    }

    private static void PlacePercentileRanks(double[] values)
    {
        Span<int> ranks = stackalloc int[2 * _percentiles.Length];
        for (var i = 0; i < _percentiles.Length; i++)
        {
            (ranks[2 * i], ranks[(2 * i) + 1], _) =
                Percentile.Ranks(values.Length, _percentiles[i]);
        }

        ranks.Sort();
        OrderStatistics.Place(values, ranks);
    }

    private static double PlacedPercentile(double[] placed, double p)
    {
        var (below, above, fraction) = Percentile.Ranks(placed.Length, p);
        return Percentile.Lerp(placed[below], placed[above], fraction);
    }

    private static double PopulationStddev(double[] values, double mean)
    {
        // Two passes (mean first, then squared deviations) avoid the cancellation of the
        // one-pass Σx² − n·mean² formula when the spread is small next to the mean.
        double squares = 0;
        foreach (var value in values)
        {
            var deviation = value - mean;
            squares += deviation * deviation;
        }

        return Math.Sqrt(squares / values.Length);
    }
}
