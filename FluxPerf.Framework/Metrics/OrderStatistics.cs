using System.Numerics;

namespace FluxPerf.Metrics;

/// <summary>
/// Moves chosen ranks of an array to their sorted positions without sorting the rest
/// (selection, as numpy's percentile does with partition): a distribution of 10 million ITL
/// samples needs four percentiles, and selecting them costs a few passes where a sort costs
/// about twenty.
/// </summary>
internal static class OrderStatistics
{
    /// <summary>Places every rank in <paramref name="ascendingRanks"/>, so that
    /// <c>values[r]</c> is the value a full ascending sort would put there.</summary>
    public static void Place(double[] values, ReadOnlySpan<int> ascendingRanks)
    {
        var placed = -1;
        foreach (var rank in ascendingRanks)
        {
            if (rank <= placed)
            {
                continue;
            }

            if (rank == placed + 1)
            {
                MoveMinimumTo(values, rank);
            }
            else
            {
                Select(values, placed + 1, values.Length - 1, rank);
            }

            placed = rank;
        }
    }

    private static void MoveMinimumTo(double[] values, int start)
    {
        // Everything before start is already no larger, so the minimum of the rest is rank start.
        var smallest = start;
        for (var i = start + 1; i < values.Length; i++)
        {
            if (values[i] < values[smallest])
            {
                smallest = i;
            }
        }

        (values[start], values[smallest]) = (values[smallest], values[start]);
    }

    private static void Select(double[] values, int left, int right, int rank)
    {
        // Hoare partitioning around a median of three; if patterned input makes it degrade past
        // about 2·log2(n) rounds, the remaining range is sorted, bounding the cost at n·log n.
        var rounds = (2 * BitOperations.Log2((uint)(right - left + 1))) + 4;
        while (left < right)
        {
            if (rounds-- == 0)
            {
                Array.Sort(values, left, right - left + 1);
                return;
            }

            var (i, j) = Partition(values, left, right);
            if (rank <= j)
            {
                right = j;
            }
            else if (rank >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
    }

    private static (int I, int J) Partition(double[] values, int left, int right)
    {
        var pivot = MedianOfThree(values[left], values[left + ((right - left) / 2)], values[right]);
        var i = left;
        var j = right;
        while (i <= j)
        {
            while (values[i] < pivot)
            {
                i++;
            }

            while (values[j] > pivot)
            {
                j--;
            }

            if (i <= j)
            {
                (values[i], values[j]) = (values[j], values[i]);
                i++;
                j--;
            }
        }

        // Now values[left..j] <= pivot <= values[i..right], and anything between equals pivot.
        return (i, j);
    }

    private static double MedianOfThree(double a, double b, double c)
    {
        return Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
    }
}
