namespace FluxPerf.Client;

/// <summary>
/// Remembers, for one client and across threads, which <c>stream_options</c> the server accepts.
/// The rule (docs/measurement.md, "Usage negotiation"):
/// a 400 or 422 whose message names <c>stream_options</c>, <c>include_usage</c> or
/// <c>continuous_usage_stats</c> is a rejection: the client steps down (to usage only when just
/// <c>continuous_usage_stats</c> is named, else to none), remembers it, and retries once. Any
/// other 400/422 before the server ever accepted the current mode is a suspected rejection: one
/// retry without <c>stream_options</c>, remembered only if that retry succeeds, so a request
/// that is simply bad (too long a prompt) cannot switch usage off for the whole run.
/// </summary>
internal sealed class StreamOptionsNegotiation
{
    private int _mode;
    private int _accepted;

    /// <summary>Starts in <see cref="StreamOptionsMode.Full"/>, or
    /// <see cref="StreamOptionsMode.None"/> when usage is not wanted.</summary>
    public StreamOptionsNegotiation(bool requestUsage)
    {
        _mode = (int)(requestUsage ? StreamOptionsMode.Full : StreamOptionsMode.None);
    }

    /// <summary>The mode new requests use.</summary>
    public StreamOptionsMode Current => (StreamOptionsMode)Volatile.Read(ref _mode);

    /// <summary>Notes that the server streamed a response to a request sent in
    /// <paramref name="mode"/>.</summary>
    public void Accepted(StreamOptionsMode mode)
    {
        if (mode == Current)
        {
            Volatile.Write(ref _accepted, 1);
        }
    }

    /// <summary>
    /// Decides whether a request sent in <paramref name="mode"/> that got
    /// <paramref name="status"/> with <paramref name="message"/> is retried, and in which mode.
    /// <paramref name="certain"/> tells whether the step down is already remembered.
    /// </summary>
    public bool TryStepDown(
        StreamOptionsMode mode,
        int status,
        string? message,
        out StreamOptionsMode next,
        out bool certain)
    {
        next = StreamOptionsMode.None;
        certain = false;
        if (mode == StreamOptionsMode.None || status is not (400 or 422))
        {
            return false;
        }

        var text = message ?? "";
        certain = text.Contains("stream_options", StringComparison.OrdinalIgnoreCase)
            || text.Contains("include_usage", StringComparison.OrdinalIgnoreCase)
            || text.Contains("continuous_usage_stats", StringComparison.OrdinalIgnoreCase);
        if (!certain && Volatile.Read(ref _accepted) == 1)
        {
            return false;
        }

        var onlyContinuous =
            text.Contains("continuous_usage_stats", StringComparison.OrdinalIgnoreCase)
            && !text.Contains("include_usage", StringComparison.OrdinalIgnoreCase);
        next = certain && onlyContinuous && mode == StreamOptionsMode.Full
            ? StreamOptionsMode.UsageOnly
            : StreamOptionsMode.None;
        if (certain)
        {
            Remember(mode, next);
        }

        return true;
    }

    /// <summary>Moves from <paramref name="from"/> to <paramref name="to"/> unless another
    /// request already moved on.</summary>
    public void Remember(StreamOptionsMode from, StreamOptionsMode to)
    {
        if (Interlocked.CompareExchange(ref _mode, (int)to, (int)from) == (int)from)
        {
            Volatile.Write(ref _accepted, 0);
        }
    }
}
