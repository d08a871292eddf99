using FluxPerf.Client;

namespace FluxPerf.Datasets;

/// <summary>The messages to send for the next turn after old turns were dropped to fit.</summary>
/// <param name="Messages">System prompt (if any), the kept turns oldest first, then the new user
/// message.</param>
/// <param name="DroppedTurns">How many of the oldest turns were left out.</param>
/// <param name="TokenCount">Tokens of <paramref name="Messages"/> as counted by the counter
/// given, plus the per-message overhead.</param>
/// <param name="Fits">False when even the system prompt and the new user message alone exceed
/// the budget; the caller decides whether to shorten the message or skip the turn.</param>
public sealed record TruncatedHistory(
    IReadOnlyList<ChatMessage> Messages,
    int DroppedTurns,
    int TokenCount,
    bool Fits);
