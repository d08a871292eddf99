using System.Globalization;

namespace FluxPerf.Monitoring;

/// <summary>
/// Holds what the workload says is reusable, what the client's usage says was cached and what
/// the server's counters say was hit against each other, and says in words when they disagree.
/// </summary>
public static class CacheAccount
{
    /// <summary>Default relative tolerance: 5 % of the round's prompt tokens.</summary>
    public const double DefaultRelativeTolerance = 0.05;

    /// <summary>vLLM's default KV block size, used when the server exports none.</summary>
    public const int DefaultBlockSize = 16;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Settles the account of one round.</summary>
    /// <param name="expectedReusableTokens">Tokens the workload shares with earlier requests
    /// (null when unknown, 0 when the round should find the cache cold).</param>
    /// <param name="clientCachedTokens">Σ <c>cached_tokens</c> of the round's responses.</param>
    /// <param name="clientPromptTokens">Σ <c>prompt_tokens</c> of the round's responses.</param>
    /// <param name="requests">Requests in the round (each may lose up to one block).</param>
    /// <param name="server">The round's server figures, or null without monitoring.</param>
    /// <param name="relativeTolerance">Share of the prompt tokens two figures may differ by
    /// on top of the block allowance; default <see cref="DefaultRelativeTolerance"/>.</param>
    public static CacheAccountResult Settle(
        long? expectedReusableTokens,
        long clientCachedTokens,
        long clientPromptTokens,
        int requests,
        DerivedServerFigures? server,
        double relativeTolerance = DefaultRelativeTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(relativeTolerance);
        var facts = new Facts(
            expectedReusableTokens, clientCachedTokens, clientPromptTokens, server,
            Allowance(requests, server, clientPromptTokens, relativeTolerance));

        var warnings = new List<string>();
        CheckClient(facts, warnings);
        CheckExpected(facts, warnings);
        CheckExternal(facts, warnings);
        CheckClientAgainstServer(facts, warnings);

        return new CacheAccountResult(
            expectedReusableTokens, clientCachedTokens, facts.ServerCached, clientPromptTokens,
            clientPromptTokens > 0 ? (double)clientCachedTokens / clientPromptTokens : null,
            ServerHitRate(server, facts.ServerCached), facts.Allowance, warnings);
    }

    // Hits are whole blocks and never cover a prompt's last token, so each request can lose up
    // to one block against the workload's token-exact figure; shared chat-template tokens can
    // add one. The relative part absorbs counters of other traffic and tokenizer differences.
    private static double Allowance(
        int requests,
        DerivedServerFigures? server,
        long promptTokens,
        double relativeTolerance) =>
        (Math.Max(requests, 0) * (double)(server?.BlockSize ?? DefaultBlockSize))
        + (relativeTolerance * promptTokens);

    private static void CheckClient(Facts f, List<string> warnings)
    {
        if (f.ClientCached > f.ClientPrompt)
        {
            warnings.Add(string.Create(Inv,
                    $"the client's usage reports {f.ClientCached} cached tokens, more "
                + $"than its {f.ClientPrompt} prompt tokens; the server's usage is inconsistent"));
        }
    }

    private static void CheckExpected(Facts f, List<string> warnings)
    {
        if (f.Expected is not { } expected)
        {
            return;
        }

        if (f.ClientCached > expected + f.Allowance)
        {
            warnings.Add(expected == 0
                ? string.Create(Inv,
                        $"this round should find the cache cold, but {f.ClientCached} prompt "
                    + $"tokens were cached (allowance {f.Allowance:F0}): the cache was not reset "
                    + $"before the round")
                : string.Create(Inv,
                        $"{f.ClientCached} tokens were cached, more than the {expected} the "
                    + $"workload can reuse (allowance {f.Allowance:F0}): leftovers of an earlier "
                    + $"round (cache not reset) or prompts sharing more than expected"));
        }
        else if (expected > 0 && f.ClientCached < expected - f.Allowance)
        {
            warnings.Add(ExplainShortfall(f, expected));
        }
    }

    private static string ExplainShortfall(Facts f, long expected)
    {
        if (f.Server?.PrefixCachingEnabled == false)
        {
            return string.Create(Inv, $"no reuse possible: the server runs with prefix caching off "
                + $"(enable_prefix_caching=False), though {expected} tokens were reusable");
        }

        if (f.ClientCached == 0 && f.ServerCached > f.Allowance)
        {
            return string.Create(Inv, $"the client saw no cached_tokens but the server counted "
                + $"{f.ServerCached:F0} cached tokens: the server probably runs without "
                + $"--enable-prompt-tokens-details, so usage omits them");
        }

        if (f.ClientCached == 0)
        {
            return string.Create(Inv,
                    $"no cache hits at all although {expected} tokens were reusable: prefix "
                + $"caching is probably off (vLLM --enable-prefix-caching) or the cache was "
                + $"evicted between the rounds");
        }

        return string.Create(Inv,
                $"only {f.ClientCached} of {expected} reusable tokens were cached "
            + $"({(double)f.ClientCached / expected:P0}, allowance {f.Allowance:F0}): the cache "
            + $"is probably too small and evicted the prefixes, or the prompts changed");
    }

    private static void CheckExternal(Facts f, List<string> warnings)
    {
        var external = f.Server?.ExternalPrefixCacheHits ?? f.Server?.LmCacheHitTokens;
        var local = f.Server?.PrefixCacheHits ?? 0;
        if (external is not { } ext || ext <= f.Allowance || local > f.Allowance)
        {
            return;
        }

        warnings.Add(f.Expected == 0
            ? string.Create(Inv,
                    $"this round should find the cache cold, but {ext:F0} tokens were hits in "
                + $"the external KV cache and none locally: LMCache was not cleared (vLLM's "
                + $"/reset_prefix_cache does not clear it)")
            : string.Create(Inv,
                    $"all {ext:F0} cache hits came from the external KV cache (LMCache) and none "
                + $"from the local prefix cache: the local cache was reset or evicted, so this "
                + $"round measures LMCache, not the GPU prefix cache"));
    }

    private static void CheckClientAgainstServer(Facts f, List<string> warnings)
    {
        if (f.ServerCached is not { } server || f.ClientCached == 0)
        {
            // A client figure of 0 against server hits is explained in ExplainShortfall.
            return;
        }

        if (Math.Abs(f.ClientCached - server) > f.Allowance)
        {
            warnings.Add(string.Create(Inv,
                    $"the client's usage reports {f.ClientCached} cached tokens but "
                + $"the server's counters {server:F0} (allowance {f.Allowance:F0}): other "
                + $"traffic on the server, or counters that lag (LMCache updates them once per "
                + $"log interval)"));
        }
    }

    private static double? ServerHitRate(DerivedServerFigures? server, double? cached)
    {
        var queried = server?.PromptTokens ?? server?.PrefixCacheQueries;
        return cached is { } c && queried is > 0 ? c / queried.Value : null;
    }

    private sealed record Facts(
        long? Expected,
        long ClientCached,
        long ClientPrompt,
        DerivedServerFigures? Server,
        double Allowance)
    {
        // The client's cached_tokens counts local plus external hits; so does
        // prompt_tokens_cached, else the two hit counters are added up.
        public double? ServerCached { get; } = Server?.PromptTokensCached
            ?? (Server?.PrefixCacheHits is { } local
                ? local + (Server.ExternalPrefixCacheHits ?? Server.LmCacheHitTokens ?? 0)
                : null);
    }
}
