namespace FluxPerf.MockServer;

/// <summary>An error answered before the stream starts, in vLLM's error shape.</summary>
internal sealed record RequestError(int Status, string Message, string? Param);
