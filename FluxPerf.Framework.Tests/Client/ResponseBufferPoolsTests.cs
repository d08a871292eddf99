using FluxPerf.Client;

namespace FluxPerf.Tests.Client;

[TestFixture]
public sealed class ResponseBufferPoolsTests
{
    [TestCase(64)]
    [TestCase(512)]
    public void ForConcurrency_EveryStreamInFlightReturnsItsArrays_NextStreamsGetTheSameOnes(
        int inFlight)
    {
        // Each response holds a read buffer, an event buffer and a text buffer. Arrays handed
        // out again are arrays the garbage collector never has to allocate, promote or copy.
        var pools = ResponseBufferPools.ForConcurrency(inFlight);
        var bytes = Enumerable.Range(0, 3 * inFlight).Select(_ => pools.Bytes.Rent(4096)).ToList();
        var longs = Enumerable.Range(0, inFlight).Select(_ => pools.Longs.Rent(512)).ToList();
        bytes.ForEach(array => pools.Bytes.Return(array));
        longs.ForEach(array => pools.Longs.Return(array));

        var reusedBytes = new HashSet<byte[]>(bytes, ReferenceEqualityComparer.Instance);
        var reusedLongs = new HashSet<long[]>(longs, ReferenceEqualityComparer.Instance);
        var again = Enumerable.Range(0, 3 * inFlight).Select(_ => pools.Bytes.Rent(4096));
        var longsAgain = Enumerable.Range(0, inFlight).Select(_ => pools.Longs.Rent(512));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Count(reusedBytes.Contains), Is.EqualTo(3 * inFlight));
            Assert.That(longsAgain.Count(reusedLongs.Contains), Is.EqualTo(inFlight));
        }
    }
}
