using System.Buffers;

namespace FluxPerf.Client;

/// <summary>
/// The pools the arrays of in-flight responses come from: the SSE read and event buffers,
/// the event timestamps and token counts, the captured text.
/// </summary>
/// <remarks>
/// The shared <see cref="ArrayPool{T}"/> keeps a few dozen arrays of each size per core. With
/// hundreds of streams in flight most returned arrays are dropped and every new request
/// allocates fresh ones; they live as long as the stream, survive the young collections and
/// are copied by each older one. At concurrency 512 on the reference machine that made
/// collections pause the process for about 7 ms each, and every pause is error in every
/// stream's next timestamp. A client-owned pool sized to its connection count hands the same
/// arrays out again instead.
/// </remarks>
internal sealed class ResponseBufferPools
{
    // Larger arrays (a multi-megabyte event, a stream of more than a million events) are
    // allocated when needed and not kept: they are rare, and keeping them would hold memory.
    private const int MaxPooledLength = 1024 * 1024;

    private ResponseBufferPools(ArrayPool<byte> bytes, ArrayPool<long> longs, ArrayPool<int> ints)
    {
        Bytes = bytes;
        Longs = longs;
        Ints = ints;
    }

    /// <summary>The runtime's shared pools: for readers used outside a client.</summary>
    public static ResponseBufferPools Shared { get; } =
        new(ArrayPool<byte>.Shared, ArrayPool<long>.Shared, ArrayPool<int>.Shared);

    /// <summary>Byte arrays: SSE buffers and captured text.</summary>
    public ArrayPool<byte> Bytes { get; }

    /// <summary>Event arrival timestamps.</summary>
    public ArrayPool<long> Longs { get; }

    /// <summary>Tokens per event.</summary>
    public ArrayPool<int> Ints { get; }

    /// <summary>Pools that keep enough arrays of each size for
    /// <paramref name="maxInFlight"/> responses at once.</summary>
    public static ResponseBufferPools ForConcurrency(int maxInFlight)
    {
        // Each response holds two byte arrays (read buffer, event data) and a third when text
        // is captured; an array that grew leaves its smaller one in another size's bucket.
        var perSize = (3 * maxInFlight) + 16;
        return new ResponseBufferPools(
            ArrayPool<byte>.Create(MaxPooledLength, perSize),
            ArrayPool<long>.Create(MaxPooledLength, perSize),
            ArrayPool<int>.Create(MaxPooledLength, perSize));
    }
}
