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

        var sorted = SortedCopy(values);
        var avg = Mean(sorted);
        return new Distribution(
            sorted.Length,
            avg,
            Percentile.Linear(sorted, 0.50),
            Percentile.Linear(sorted, 0.90),
            Percentile.Linear(sorted, 0.95),
            Percentile.Linear(sorted, 0.99),
            sorted[0],
            sorted[^1],
            PopulationStddev(sorted, avg));
    }

    /// <summary>Summarises values in any order; see <see cref="Of(ReadOnlySpan{double})"/>.</summary>
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

    private static double[] SortedCopy(ReadOnlySpan<double> values)
    {
        var copy = GC.AllocateUninitializedArray<double>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"value [{i}] is {values[i]}; every value must be a finite number",
                    nameof(values));
            }

            copy[i] = values[i];
        }

        Array.Sort(copy);
        return copy;
    }

    private static double Mean(double[] sorted)
    {
        // Neumaier-compensated sum: with millions of ITL samples a plain running sum loses the
        // last digits that numpy's pairwise sum keeps.
        double sum = 0, compensation = 0;
        foreach (var value in sorted)
        {
            var next = sum + value;
            compensation += Math.Abs(sum) >= Math.Abs(value)
                ? (sum - next) + value
                : (value - next) + sum;
            sum = next;
        }

        return (sum + compensation) / sorted.Length;
    }

    private static double PopulationStddev(double[] sorted, double mean)
    {
        // Two passes (mean first, then squared deviations) avoid the cancellation of the
        // one-pass Σx² − n·mean² formula when the spread is small next to the mean.
        double squares = 0;
        foreach (var value in sorted)
        {
            var deviation = value - mean;
            squares += deviation * deviation;
        }

        return Math.Sqrt(squares / sorted.Length);
    }
}
