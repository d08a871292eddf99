namespace FluxPerf.MockServer;

/// <summary>
/// A simulation of vLLM's automatic prefix caching: prompts are cut into full blocks, each
/// block is named by a hash chained over every token before it, and a request reuses the
/// longest run of cached blocks from the start. Bounded in blocks, evicting the least
/// recently used. Thread-safe.
/// </summary>
internal sealed class PrefixCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, LinkedListNode<ulong>> _blocks = [];
    private readonly LinkedList<ulong> _recency = new();

    public PrefixCache(int blockSize, int capacityBlocks)
    {
        BlockSize = blockSize;
        CapacityBlocks = capacityBlocks;
    }

    public int BlockSize { get; }

    public int CapacityBlocks { get; }

    public int CachedBlocks
    {
        get
        {
            lock (_gate)
            {
                return _blocks.Count;
            }
        }
    }

    /// <summary>
    /// How many leading prompt tokens are served from the cache: whole blocks only, and never
    /// the last prompt token, because vLLM must compute at least one token to produce logits
    /// (a 32-token prompt reuses at most 16 with block size 16).
    /// </summary>
    public int Lookup(ReadOnlySpan<int> tokens)
    {
        var reusableBlocks = Math.Max(0, tokens.Length - 1) / BlockSize;
        var hits = 0;
        var hash = BlockHash.Seed;

        lock (_gate)
        {
            while (hits < reusableBlocks)
            {
                hash = BlockHash.Next(hash, tokens.Slice(hits * BlockSize, BlockSize));
                if (!_blocks.TryGetValue(hash, out var node))
                {
                    break;
                }

                Touch(node);
                hits++;
            }
        }

        return hits * BlockSize;
    }

    /// <summary>Caches every full block of the prompt, as vLLM does once prefill is done.</summary>
    public void Insert(ReadOnlySpan<int> tokens)
    {
        var fullBlocks = tokens.Length / BlockSize;
        var hash = BlockHash.Seed;

        lock (_gate)
        {
            for (var i = 0; i < fullBlocks; i++)
            {
                hash = BlockHash.Next(hash, tokens.Slice(i * BlockSize, BlockSize));
                if (_blocks.TryGetValue(hash, out var node))
                {
                    Touch(node);
                    continue;
                }

                _blocks[hash] = _recency.AddLast(hash);
                EvictOverCapacity();
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _blocks.Clear();
            _recency.Clear();
        }
    }

    private void Touch(LinkedListNode<ulong> node)
    {
        _recency.Remove(node);
        _recency.AddLast(node);
    }

    private void EvictOverCapacity()
    {
        while (_blocks.Count > CapacityBlocks && _recency.First is { } oldest)
        {
            _recency.RemoveFirst();
            _blocks.Remove(oldest.Value);
        }
    }
}
