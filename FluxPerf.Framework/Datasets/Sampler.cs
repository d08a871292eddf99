namespace FluxPerf.Datasets;

/// <summary>
/// Seeded selection and ordering of sessions that gives the same result on every run and
/// platform, so two benchmark runs with the same seed send the same prompts in the same order.
/// </summary>
/// <remarks>
/// Both methods use a forward Fisher–Yates pass driven by <c>new System.Random(seed)</c>: for
/// position i = 0, 1, … the item at i is swapped with the item at <c>Next(i, n)</c>. A seeded
/// <see cref="Random"/> keeps its original subtractive generator in every .NET version and
/// on every platform, which is what makes the sequence reproducible.
/// </remarks>
public static class Sampler
{
    /// <summary>
    /// Picks <paramref name="count"/> distinct sessions at random (no replacement).
    /// </summary>
    /// <param name="sessions">The usable sessions of a dataset.</param>
    /// <param name="count">How many to pick; 0 gives an empty list.</param>
    /// <param name="seed">The random seed; the same seed and input give the same picks in the
    /// same order.</param>
    /// <returns>The picked sessions in the order they were drawn.</returns>
    /// <exception cref="DatasetException">More sessions are asked for than there are.</exception>
    public static IReadOnlyList<Session> Sample(
        IReadOnlyList<Session> sessions,
        int count,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > sessions.Count)
        {
            throw new DatasetException(
                $"asked for {count} sessions but the dataset has only {sessions.Count} usable "
                + $"entries; ask for at most {sessions.Count}, or use a larger dataset");
        }

        return Draw(sessions, count, seed);
    }

    /// <summary>Returns all items in a seeded random order (used to reorder round 2).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items to reorder; not changed.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>A new list with the same items in shuffled order.</returns>
    public static IReadOnlyList<T> Shuffle<T>(IReadOnlyList<T> items, int seed)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Draw(items, items.Count, seed);
    }

    private static T[] Draw<T>(IReadOnlyList<T> items, int count, int seed)
    {
        var pool = items.ToArray();
        var random = new Random(seed);

        // Only the first count positions are settled, so picking 100 of a million costs 100 swaps
        // (plus the copy) and the picks are a prefix of the full shuffle with the same seed.
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..count];
    }
}
