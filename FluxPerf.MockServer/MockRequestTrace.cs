namespace FluxPerf.MockServer;

/// <summary>
/// What the mock did for one request: the ground truth a client's measurements are checked
/// against. Timestamps are <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> values, taken
/// right after each event was written and flushed, so they compare directly with a client's
/// Stopwatch timestamps in the same process (and across processes on Linux).
/// </summary>
/// <param name="RequestId">The <c>x-request-id</c> header, or the id the mock generated.</param>
/// <param name="ReceivedTimestamp">When the handler started, before the body was read.</param>
/// <param name="FirstTokenWrittenTimestamp">
/// After the first token-bearing event was flushed (never the role-only event); for a
/// non-streamed response, after the whole body was flushed; null when no token was sent.
/// </param>
/// <param name="TokenEventTimestamps">After each token-bearing event was flushed.</param>
/// <param name="TokensPerEvent">How many completion tokens each of those events carried.</param>
/// <param name="PromptTokens">Prompt tokens after the chat template, cl100k_base.</param>
/// <param name="CachedTokens">Prompt tokens served from the prefix cache.</param>
/// <param name="CompletionTokens">Completion tokens sent.</param>
/// <param name="Outcome">One of the <see cref="MockOutcomes"/> values.</param>
public sealed record MockRequestTrace(
    string RequestId,
    long ReceivedTimestamp,
    long? FirstTokenWrittenTimestamp,
    IReadOnlyList<long> TokenEventTimestamps,
    IReadOnlyList<int> TokensPerEvent,
    int PromptTokens,
    int CachedTokens,
    int CompletionTokens,
    string Outcome);
