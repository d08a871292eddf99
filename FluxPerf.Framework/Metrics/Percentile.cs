namespace FluxPerf.Metrics;

/// <summary>
/// Percentiles by linear interpolation between closest ranks, numpy's default
/// (<c>method='linear'</c>, type 7 of Hyndman and Fan), so figures compare with vLLM's and
/// SGLang's benchmark output.
/// </summary>
public static class Percentile
{
    /// <summary>The <paramref name="p"/> quantile of values already sorted ascending.</summary>
    /// <param name="sorted">The values, sorted ascending, none NaN; not checked, because callers
    /// sort once and ask for several percentiles.</param>
    /// <param name="p">The quantile as a fraction from 0 to 1: 0.99 for p99, 0 for the minimum,
    /// 1 for the maximum.</param>
    /// <returns>With h = (n − 1)·p, the value at rank ⌊h⌋ moved the fraction h − ⌊h⌋
    /// of the way
    /// to the value at the next rank.</returns>
    /// <exception cref="ArgumentException"><paramref name="sorted"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside
    /// 0..1.</exception>
    public static double Linear(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("a percentile needs at least one value", nameof(sorted));
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(p),
                p,
                $"p is a fraction from 0 to 1 (0.99 for p99); got {p}");
        }

        var (below, above, fraction) = Ranks(sorted.Length, p);
        return Lerp(sorted[below], sorted[above], fraction);
    }

    /// <summary>
    /// The two ranks the <paramref name="p"/> quantile lies between, and how far.
    /// </summary>
    internal static (int Below, int Above, double Fraction) Ranks(int count, double p)
    {
        var h = (count - 1) * p;
        var below = (int)Math.Floor(h);
        return (below, Math.Min(below + 1, count - 1), h - below);
    }

    /// <summary>The point the fraction <paramref name="t"/> of the way from a to b.</summary>
    internal static double Lerp(double a, double b, double t)
    {
        // numpy interpolates from the nearer end, so t = 1 returns b exactly and results never
        // step outside [a, b] by a rounding error; doing the same keeps figures identical.
        var difference = b - a;
        return t >= 0.5 ? b - (difference * (1 - t)) : a + (difference * t);
    }
}
