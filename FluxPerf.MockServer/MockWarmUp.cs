using System.Net.Http.Headers;
using System.Text;

namespace FluxPerf.MockServer;

/// <summary>
/// Sends the new server a few requests through every response path before anyone else does.
/// Without it the first measured request pays for JIT compilation (hundreds of milliseconds),
/// an outlier that would land in round 1 and inflate its TTFT against round 2.
/// </summary>
internal static class MockWarmUp
{
    public static async Task RunAsync(Uri baseAddress, MockServerState state, CancellationToken ct)
    {
        state.WarmingUp = true;
        try
        {
            using var client = new HttpClient { BaseAddress = baseAddress };
            if (state.Options.ApiKey is { } key)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                    "Bearer", key);
            }

            var model = JsonOptions.Escape(state.Options.ModelName);
            var chat = $"{{\"model\":\"{model}\",\"messages\":[{{\"role\":\"user\","
                + "\"content\":\"warm up\"}],\"max_tokens\":2,\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true,\"continuous_usage_stats\":true}}";
            await SendAsync(client, "v1/chat/completions", chat, ct);
            await SendAsync(client, "v1/completions",
                $"{{\"model\":\"{model}\",\"prompt\":\"warm up\",\"max_tokens\":2}}", ct);
            await SendAsync(client, "v1/completions",
                $"{{\"model\":\"{model}\",\"prompt\":\"warm up\",\"max_tokens\":2,"
                + "\"stream\":true}", ct);
            using var metrics = await client.GetAsync(new Uri("metrics", UriKind.Relative), ct);
        }
        finally
        {
            state.ResetAfterWarmUp();
        }
    }

    private static async Task SendAsync(
        HttpClient client,
        string path,
        string body,
        CancellationToken ct)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
    }
}
