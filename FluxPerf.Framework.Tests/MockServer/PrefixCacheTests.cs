using FluxPerf.MockServer;
using NUnit.Framework;

namespace FluxPerf.Tests.MockServer;

[TestFixture]
public sealed class PrefixCacheTests
{
    [Test]
    public void Lookup_SharedPrefixThenDivergence_ReusesOnlyTheCommonBlocks()
    {
        var cache = new PrefixCache(blockSize: 4, capacityBlocks: 100);
        int[] first = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
        int[] second = [1, 2, 3, 4, 5, 6, 7, 8, 99, 10, 11, 12, 13];
        cache.Insert(first);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cache.Lookup(second), Is.EqualTo(8));
            Assert.That(cache.Lookup(first), Is.EqualTo(12));
        }
    }

    [Test]
    public void Lookup_SameBlockAtAnotherPosition_DoesNotHit()
    {
        var cache = new PrefixCache(blockSize: 2, capacityBlocks: 100);
        cache.Insert([7, 7, 1, 2]);

        Assert.That(cache.Lookup([1, 2, 7, 7, 5]), Is.Zero, "a block's name includes its prefix");
    }

    [Test]
    public void Insert_OverCapacity_EvictsTheLeastRecentlyUsedBlocks()
    {
        var cache = new PrefixCache(blockSize: 2, capacityBlocks: 4);
        int[] old = [1, 1, 2, 2, 9];
        int[] recent = [3, 3, 4, 4, 9];
        cache.Insert(old);
        cache.Insert(recent);
        cache.Lookup(old);

        cache.Insert([5, 5, 6, 6]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cache.CachedBlocks, Is.EqualTo(4));
            Assert.That(cache.Lookup(old), Is.EqualTo(4), "touched by the lookup, so kept");
            Assert.That(cache.Lookup(recent), Is.Zero);
        }
    }
}
