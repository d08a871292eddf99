using FluxPerf.Monitoring;
using NUnit.Framework;

namespace FluxPerf.Tests.Monitoring;

[TestFixture]
public sealed class CacheAccountTests
{
    // 10 requests of 1000 prompt tokens: allowance = 10 blocks of 16 + 5 % of 10 000 = 660.
    private const int Requests = 10;
    private const long Prompt = 10_000;

    [Test]
    public void Settle_AllThreeAgree_NoWarningsAndFractions()
    {
        var server = Server(hits: 8_960, queries: Prompt);

        var account = CacheAccount.Settle(9_000, 8_960, Prompt, Requests, server);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(account.Warnings, Is.Empty);
            Assert.That(account.AllowanceTokens, Is.EqualTo(660));
            Assert.That(account.ClientCachedFraction, Is.EqualTo(0.896));
            Assert.That(account.ServerCachedTokens, Is.EqualTo(8_960));
            Assert.That(account.ServerHitRate, Is.EqualTo(0.896));
        }
    }

    [Test]
    public void Settle_ColdRoundWithHits_SaysCacheWasNotReset()
    {
        var account = CacheAccount.Settle(0, 5_000, Prompt, Requests, Server(5_000, Prompt));

        Assert.That(account.Warnings.Single(), Does.Contain("was not reset"));
    }

    [Test]
    public void Settle_ColdRoundWithOnlyExternalHits_SaysLmCacheWasNotCleared()
    {
        var server = Server(hits: 0, queries: Prompt) with { ExternalPrefixCacheHits = 6_000 };

        var account = CacheAccount.Settle(0, 6_000, Prompt, Requests, server);

        Assert.That(account.Warnings, Has.Some.Contains("LMCache was not cleared"));
    }

    [Test]
    public void Settle_WarmRoundWithOnlyExternalHits_SaysRoundMeasuresLmCache()
    {
        var server = Server(hits: 0, queries: Prompt) with { ExternalPrefixCacheHits = 8_960 };

        var account = CacheAccount.Settle(9_000, 8_960, Prompt, Requests, server);

        Assert.That(account.Warnings.Single(), Does.Contain("measures LMCache"));
    }

    [Test]
    public void Settle_PrefixCachingOff_SaysSo()
    {
        var server = Server(0, Prompt) with { PrefixCachingEnabled = false };

        var account = CacheAccount.Settle(9_000, 0, Prompt, Requests, server);

        Assert.That(account.Warnings.Single(), Does.Contain("prefix caching off"));
    }

    [Test]
    public void Settle_NoHitsAnywhere_SaysNoCacheHits()
    {
        var account = CacheAccount.Settle(9_000, 0, Prompt, Requests, Server(0, Prompt));

        Assert.That(account.Warnings.Single(), Does.Contain("no cache hits at all"));
    }

    [Test]
    public void Settle_ServerHitsButClientSawNone_PointsAtPromptTokensDetails()
    {
        var account = CacheAccount.Settle(9_000, 0, Prompt, Requests, Server(8_960, Prompt));

        Assert.That(account.Warnings.Single(), Does.Contain("--enable-prompt-tokens-details"));
    }

    [Test]
    public void Settle_PartialReuse_SaysEviction()
    {
        var account = CacheAccount.Settle(9_000, 4_000, Prompt, Requests, Server(4_000, Prompt));

        Assert.That(account.Warnings.Single(), Does.Contain("only 4000 of 9000"));
    }

    [Test]
    public void Settle_ClientAndServerDisagree_Warns()
    {
        var account = CacheAccount.Settle(9_000, 8_960, Prompt, Requests, Server(12_000, 20_000));

        Assert.That(account.Warnings.Single(), Does.Contain("server's counters 12000"));
    }

    [Test]
    public void Settle_BlockRoundingWithinAllowance_NoWarning()
    {
        // Each request loses up to one block (and the last token): 10 × 15 tokens short.
        var account = CacheAccount.Settle(9_150, 9_000, Prompt, Requests, Server(9_000, Prompt));

        Assert.That(account.Warnings, Is.Empty);
    }

    [Test]
    public void Settle_WithoutServerOrExpectation_OnlyClientFigures()
    {
        var account = CacheAccount.Settle(null, 3_000, Prompt, Requests, null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(account.Warnings, Is.Empty);
            Assert.That(account.ServerCachedTokens, Is.Null);
            Assert.That(account.ServerHitRate, Is.Null);
            Assert.That(account.ClientCachedFraction, Is.EqualTo(0.3));
        }
    }

    private static DerivedServerFigures Server(double hits, double queries) => new()
    {
        PrefixCacheHits = hits,
        PrefixCacheQueries = queries,
        PrefixCacheHitRate = hits / queries,
        BlockSize = 16,
        PrefixCachingEnabled = true,
    };
}
