using FluxPerf.Client;

namespace FluxPerf.Tests.Client;

/// <summary>Seeded prompts and client options for the loopback tests.</summary>
internal static class ClientTestRequests
{
    private static readonly string[] Words =
    [
        "river", "stone", "garden", "window", "paper", "silver", "morning", "island", "engine",
        "forest", "bridge", "candle", "market", "winter", "letter", "harbor", "mirror", "planet",
        "shadow", "valley", "thunder", "orange", "castle", "meadow", "pencil", "rocket",
    ];

    /// <summary>A user prompt of <paramref name="words"/> common words (about one cl100k token
    /// each), the same for the same seed.</summary>
    public static LlmRequest Prompt(string id, int words, int maxTokens, int seed = 1)
    {
        var random = new Random(seed);
        var picks = Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]);
        var text = string.Join(' ', picks);
        return new LlmRequest(id, [ChatMessage.User(text)], maxTokens);
    }

    public static ClientOptions Options(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        RequestTimeout = TimeSpan.FromSeconds(20),
        MaxConnections = 8,
    };
}
