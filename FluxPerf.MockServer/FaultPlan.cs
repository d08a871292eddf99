namespace FluxPerf.MockServer;

/// <summary>
/// Which fault, if any, one request suffers. Decided from the seed and the request id alone,
/// so the same ids give the same faults on every run and a test can predict them.
/// </summary>
internal sealed record FaultPlan(bool FailBeforeStream, bool DropConnection, bool MidStreamError)
{
    public static FaultPlan None { get; } = new(false, false, false);

    public static FaultPlan For(MockServerOptions options, string requestId)
    {
        var seed = (ulong)(uint)options.Seed;

        // Separate salts keep the three decisions independent of each other.
        var fail = Draw(requestId, seed, 1) < options.ErrorRate;
        var drop = !fail && Draw(requestId, seed, 2) < options.DropConnectionRate;
        var midStream = !fail && !drop && Draw(requestId, seed, 3) < options.MidStreamErrorRate;
        return new FaultPlan(fail, drop, midStream);
    }

    /// <summary>
    /// Where in a stream a mid-stream fault strikes: after about half the events.
    /// </summary>
    public static int FaultEventIndex(int events)
    {
        return Math.Max(1, events / 2);
    }

    private static double Draw(string requestId, ulong seed, ulong salt)
    {
        return BlockHash.Uniform(BlockHash.Of(requestId, seed * 0x100000001B3 + salt));
    }
}
