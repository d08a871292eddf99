using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MockServerHost = FluxPerf.MockServer.MockServer;

namespace FluxPerf.Tests.MockServer;

/// <summary>A plain-HttpClient view of a mock response: status, headers and SSE payloads.</summary>
internal sealed record MockResponse(
    HttpStatusCode Status,
    string Body,
    HttpResponseHeaders Headers,
    string? ContentType)
{
    /// <summary>The data payloads of an SSE body, in order, "[DONE]" included.</summary>
    public IReadOnlyList<string> Events => [.. Body
        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
        .Select(e => e.Trim())
        .Where(e => e.StartsWith("data: ", StringComparison.Ordinal))
        .Select(e => e["data: ".Length..])];

    /// <summary>The JSON events (everything before [DONE]).</summary>
    public IReadOnlyList<JsonElement> JsonEvents => [.. Events
        .Where(e => e != "[DONE]")
        .Select(e => JsonDocument.Parse(e).RootElement)];

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>Helpers to talk to a mock over loopback, with timeouts on everything.</summary>
internal static class MockHttp
{
    public static HttpClient Client(MockServerHost server, string? apiKey = null)
    {
        var client = new HttpClient
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(15),
        };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public static async Task<MockResponse> PostAsync(
        HttpClient client,
        string path,
        string json,
        string? requestId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (requestId is not null)
        {
            request.Headers.Add("x-request-id", requestId);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new MockResponse(response.StatusCode, body, response.Headers,
            response.Content.Headers.ContentType?.MediaType);
    }

    public static async Task<string> GetStringAsync(HttpClient client, string path)
    {
        return await client.GetStringAsync(new Uri(path, UriKind.Relative));
    }

    public static string Chat(
        string content,
        int maxTokens,
        bool stream = true,
        bool usage = true,
        bool continuous = false,
        string model = "fluxperf-mock")
    {
        var options = stream && usage
            ? $",\"stream_options\":{{\"include_usage\":true,\"continuous_usage_stats\":"
                + $"{(continuous ? "true" : "false")}}}"
            : "";
        return $"{{\"model\":\"{model}\",\"messages\":[{{\"role\":\"user\",\"content\":"
            + $"{JsonSerializer.Serialize(content)}}}],\"max_tokens\":{maxTokens},"
            + $"\"temperature\":0.7,\"stream\":{(stream ? "true" : "false")}{options}}}";
    }

    /// <summary>
    /// A completions request whose prompt is given as token ids, for exact counts.
    /// </summary>
    public static string CompletionTokens(int promptTokens, int maxTokens, int firstId = 1000)
    {
        var ids = string.Join(",", Enumerable.Range(firstId, promptTokens));
        return $"{{\"model\":\"fluxperf-mock\",\"prompt\":[{ids}],\"max_tokens\":{maxTokens},"
            + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
    }

    /// <summary>The final usage object of a stream.</summary>
    public static JsonElement UsageOf(MockResponse response)
    {
        return response.JsonEvents[^1].GetProperty("usage");
    }

    public static int? CachedTokensOf(JsonElement usage)
    {
        return usage.TryGetProperty("prompt_tokens_details", out var details)
            ? details.GetProperty("cached_tokens").GetInt32()
            : null;
    }
}
