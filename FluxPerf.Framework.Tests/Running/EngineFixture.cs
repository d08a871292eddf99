using System.Text.Json;
using FluxPerf.Configuration;
using FluxPerf.MockServer;

namespace FluxPerf.Tests.Running;

/// <summary>
/// Builds datasets and configurations for end-to-end engine tests against the mock.
/// </summary>
internal static class EngineFixture
{
    /// <summary>
    /// A mock whose prefill cost dominates TTFT (0.2 ms per uncached token), so a warm round is
    /// clearly faster, while short outputs keep every test well under a few seconds.
    /// </summary>
    public static Task<global::FluxPerf.MockServer.MockServer> StartMockAsync(
        Action<MockServerOptions>? tweak = null)
    {
        var options = new MockServerOptions
        {
            BaseTtftMs = 2,
            PrefillMsPerToken = 0.2,
            ItlMs = 1,
            DefaultMaxTokens = 6,
        };
        tweak?.Invoke(options);
        return global::FluxPerf.MockServer.MockServer.StartAsync(options);
    }

    /// <summary>Writes a JSONL dataset of <paramref name="count"/> entries with long prompts that
    /// share a prefix (the cache can reuse it) and a unique question each.</summary>
    public static string WriteDataset(string folder, int count, int turns = 1)
    {
        var prefix = string.Join(' ',
            Enumerable.Range(0, 60).Select(i => $"context line {i} about caches."));
        var lines = Enumerable.Range(0, count).Select(i => JsonSerializer.Serialize(new
        {
            session_id = $"entry-{i}",
            system = "You are a careful assistant.",
            user_messages = Enumerable.Range(0, turns)
                .Select(t => $"{prefix} Question {i}.{t}: what is {i} times {t + 3}?").ToArray(),
        }));
        var path = Path.Combine(folder, "dataset.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    public static BenchmarkConfig Config(
        global::FluxPerf.MockServer.MockServer mock,
        string dataset,
        string output) =>
        new()
        {
            StageName = "e2e",
            DatasetPath = dataset,
            Endpoint = mock.ChatCompletionsUri,
            Model = "fluxperf-mock",
            ConcurrencyLevels = [2, 4],
            NumSamples = [4, 8],
            MaxOutputTokens = 6,
            OutputDirectory = output,
            ResetCacheUrl = new Uri(mock.BaseAddress, "reset_prefix_cache"),
            ResetCacheBetweenConcurrency = true,
            RequestTimeout = TimeSpan.FromSeconds(30),
        };
}
