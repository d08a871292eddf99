namespace FluxPerf.MockServer;

/// <summary>
/// 64-bit hashes for the prefix cache and the mock's deterministic choices. Stable across
/// processes (unlike <see cref="string.GetHashCode()"/>), so a seed reproduces a run.
/// </summary>
internal static class BlockHash
{
    public const ulong Seed = 0x9E3779B97F4A7C15;

    /// <summary>The hash of a block given its parent's: equal prefixes give equal chains.</summary>
    public static ulong Next(ulong parent, ReadOnlySpan<int> tokens)
    {
        var hash = Mix(parent ^ (ulong)tokens.Length);
        foreach (var token in tokens)
        {
            hash = Mix(hash ^ (uint)token);
        }

        return hash;
    }

    public static ulong Of(string text, ulong salt)
    {
        var hash = Mix(salt);
        foreach (var c in text)
        {
            hash = Mix(hash ^ c);
        }

        return hash;
    }

    /// <summary>A uniform number in [0, 1) from a hash.</summary>
    public static double Uniform(ulong hash)
    {
        return (Mix(hash) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>The SplitMix64 finaliser: every input bit affects every output bit.</summary>
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EB;
        return value ^ (value >> 31);
    }
}
