namespace FluxPerf.MockServer;

/// <summary>
/// How the mock server listens, which model it pretends to serve, how its prefix cache and
/// latency behave, and which faults it injects. Every property has a documented default, so
/// <c>new MockServerOptions()</c> is a working configuration.
/// </summary>
public sealed partial class MockServerOptions
{
    /// <summary>
    /// The IP address (or <c>localhost</c>) to listen on. Default <c>127.0.0.1</c>.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free port. Default 0.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The model name served; a request naming another model gets vLLM's 404. Default
    /// <c>fluxperf-mock</c>.
    /// </summary>
    public string ModelName { get; set; } = "fluxperf-mock";

    /// <summary>Tokens per KV block, the unit of prefix-cache hits. Default 16 (vLLM's).</summary>
    public int BlockSize { get; set; } = 16;

    /// <summary>
    /// How many blocks the prefix cache holds before it evicts the least recently used one.
    /// Default 65536 (one million tokens at block size 16).
    /// </summary>
    public int CacheCapacityBlocks { get; set; } = 65536;

    /// <summary>Whether prompts reuse cached blocks at all. Default true.</summary>
    public bool EnablePrefixCaching { get; set; } = true;

    /// <summary>Fixed part of the time to first token, in milliseconds. Default 5.</summary>
    public double BaseTtftMs { get; set; } = 5;

    /// <summary>
    /// Prefill time per uncached prompt token, in milliseconds; cached tokens cost nothing,
    /// which is what makes a warm round faster. Default 0.05.
    /// </summary>
    public double PrefillMsPerToken { get; set; } = 0.05;

    /// <summary>Time per generated token after the first, in milliseconds. Default 5.</summary>
    public double ItlMs { get; set; } = 5;

    /// <summary>
    /// Tokens carried by each streamed event (like vLLM's <c>--stream-interval</c>); events are
    /// then <see cref="ItlMs"/> × this apart. Default 1.
    /// </summary>
    public int TokensPerEvent { get; set; } = 1;

    /// <summary>
    /// Seeded jitter: every delay is scaled by a factor drawn uniformly from
    /// [1 − fraction, 1 + fraction). Must be in [0, 1). Default 0 (an exact schedule).
    /// </summary>
    public double JitterFraction { get; set; }

    /// <summary>
    /// Seed of the generated text, the jitter and the fault decisions. Default 42.
    /// </summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// Requests that run at once; later ones wait in FIFO order and count in
    /// <c>vllm:num_requests_waiting</c>. Default 256 (vLLM's <c>--max-num-seqs</c>).
    /// </summary>
    public int MaxNumSeqs { get; set; } = 256;

    /// <summary>Completion tokens when a request gives no <c>max_tokens</c>. Default 64.</summary>
    public int DefaultMaxTokens { get; set; } = 64;

    /// <summary>
    /// When set, every <c>/v1/*</c> request must carry <c>Authorization: Bearer &lt;key&gt;</c>
    /// or gets 401 <c>{"error":"Unauthorized"}</c>, as vLLM's <c>--api-key</c>. Default null
    /// (no authentication).
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Share of completion requests answered at once with <see cref="ErrorStatus"/> and a
    /// vLLM-shaped error body. In [0, 1]; default 0.
    /// </summary>
    public double ErrorRate { get; set; }

    /// <summary>The HTTP status of injected errors, 400 to 599. Default 500.</summary>
    public int ErrorStatus { get; set; } = 500;

    /// <summary>
    /// Share of streamed requests that send an error event halfway through the stream (status
    /// stays 200) and then <c>[DONE]</c>. In [0, 1]; default 0.
    /// </summary>
    public double MidStreamErrorRate { get; set; }

    /// <summary>
    /// Share of requests whose connection is aborted halfway through the stream, without
    /// <c>[DONE]</c>. In [0, 1]; default 0.
    /// </summary>
    public double DropConnectionRate { get; set; }

    /// <summary>
    /// Extra milliseconds every request waits before its first token, on top of the latency
    /// model (a stalled engine). Default 0.
    /// </summary>
    public double StallBeforeFirstTokenMs { get; set; }

    /// <summary>A copy that later changes to this instance do not affect.</summary>
    internal MockServerOptions Clone()
    {
        return (MockServerOptions)MemberwiseClone();
    }
}
