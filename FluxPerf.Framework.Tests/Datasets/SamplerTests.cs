using FluxPerf.Datasets;
using NUnit.Framework;

namespace FluxPerf.Tests.Datasets;

[TestFixture]
public sealed class SamplerTests
{
    private static List<Session> Sessions(int count)
    {
        return Enumerable.Range(0, count)
            .Select(i => new Session($"s{i}", null, [$"prompt {i}"], null, SourceIndex: i))
            .ToList();
    }

    [Test]
    public void Sample_SameSeedTwice_PicksTheSameSessionsInTheSameOrder()
    {
        var sessions = Sessions(1000);

        var first = Sampler.Sample(sessions, 50, seed: 7);
        var second = Sampler.Sample(sessions, 50, seed: 7);

        Assert.That(second.Select(s => s.Id), Is.EqualTo(first.Select(s => s.Id)));
    }

    [Test]
    public void Sample_DifferentSeeds_PickDifferentSessions()
    {
        var sessions = Sessions(1000);

        var first = Sampler.Sample(sessions, 50, seed: 1);
        var second = Sampler.Sample(sessions, 50, seed: 2);

        Assert.That(second.Select(s => s.Id), Is.Not.EqualTo(first.Select(s => s.Id)));
    }

    [Test]
    public void Sample_FixedSeed_PicksTheRecordedSessions()
    {
        // Recorded from this implementation (forward Fisher–Yates on new Random(42)). If this
        // changes, runs with the same seed no longer send the prompts they sent before.
        var picked = Sampler.Sample(Sessions(10), 4, seed: 42);

        Assert.That(picked.Select(s => s.Id), Is.EqualTo(RecordedPicks));
    }

    [Test]
    public void Sample_AllSessions_IsAPermutationWithoutRepeats()
    {
        var sessions = Sessions(200);

        var picked = Sampler.Sample(sessions, 200, seed: 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(picked.Select(s => s.Id), Is.Unique);
            Assert.That(picked, Is.EquivalentTo(sessions));
            Assert.That(picked, Is.Not.EqualTo(sessions));
        }
    }

    [Test]
    public void Sample_MoreThanAvailable_SaysHowManyThereAre()
    {
        var error = Assert.Throws<DatasetException>(
            () => Sampler.Sample(Sessions(12), 13, seed: 0));

        Assert.That(error.Message,
            Does.Contain("asked for 13").And.Contain("only 12 usable entries"));
    }

    [Test]
    public void Sample_Zero_GivesEmptyList()
    {
        Assert.That(Sampler.Sample(Sessions(5), 0, seed: 0), Is.Empty);
    }

    [Test]
    public void Sample_WithSeed_IsThePrefixOfShuffleWithThatSeed()
    {
        var sessions = Sessions(100);

        var sample = Sampler.Sample(sessions, 10, seed: 11);
        var shuffled = Sampler.Shuffle(sessions, seed: 11);

        Assert.That(sample, Is.EqualTo(shuffled.Take(10)));
    }

    [Test]
    public void Shuffle_LeavesInputUnchangedAndKeepsEveryItem()
    {
        var items = Enumerable.Range(0, 50).ToArray();

        var shuffled = Sampler.Shuffle(items, seed: 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(items, Is.Ordered);
            Assert.That(shuffled, Is.EquivalentTo(items));
            Assert.That(shuffled, Is.Not.Ordered);
        }
    }

    private static readonly string[] RecordedPicks = ["s6", "s2", "s3", "s0"];
}
