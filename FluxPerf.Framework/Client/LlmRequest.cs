namespace FluxPerf.Client;

/// <summary>
/// The content of one request, independent of the endpoint: the client renders it as a chat body
/// (messages) or a completions body (the messages joined into one prompt). Rendering is
/// deterministic, so the same <see cref="LlmRequest"/> always yields byte-identical bodies; the
/// two-round comparison depends on that.
/// </summary>
/// <param name="RequestId">Stable id sent as <c>x-request-id</c>; pairs a round-2 request with
/// its round-1 twin.</param>
/// <param name="Messages">The conversation so far, ending with the user turn to answer.</param>
/// <param name="MaxTokens">Per-request output budget; <c>null</c> takes the client default.</param>
public sealed record LlmRequest(
    string RequestId,
    IReadOnlyList<ChatMessage> Messages,
    int? MaxTokens = null);
