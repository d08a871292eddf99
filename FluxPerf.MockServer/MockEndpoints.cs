using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FluxPerf.MockServer;

/// <summary>Maps the mock's HTTP surface onto a web application.</summary>
internal static class MockEndpoints
{
    /// <summary>
    /// What <c>GET /version</c> reports: a vLLM version whose metric names the mock uses.
    /// </summary>
    public const string Version = "0.11.0+fluxperf.mock";

    public static void Map(WebApplication app, MockServerState state)
    {
        var completions = new CompletionEndpoint(state);
        app.Use(RequireApiKey(state.Options.ApiKey));
        MapPost(app, "/v1/chat/completions", c => completions.HandleAsync(c, CompletionKind.Chat));
        MapPost(app, "/v1/completions", c => completions.HandleAsync(c, CompletionKind.Text));
        MapGet(app, "/v1/models", c => WriteModelsAsync(c, state.Options.ModelName));
        MapGet(app, "/health", _ => Task.CompletedTask);
        MapGet(app, "/version", c => WriteJsonAsync(c, j => j.WriteString("version", Version)));
        MapGet(app, "/metrics", c => WriteMetricsAsync(c, state));
        MapPost(app, "/reset_prefix_cache", c => ResetPrefixCacheAsync(c, state));
        MapGet(app, "/debug/requests/{id}", c => WriteTraceAsync(c, state.Journal));
    }

    private static void MapPost(WebApplication app, string pattern, RequestDelegate handler)
    {
        app.MapPost(pattern, handler);
    }

    private static void MapGet(WebApplication app, string pattern, RequestDelegate handler)
    {
        app.MapGet(pattern, handler);
    }

    /// <summary>
    /// Like vLLM's --api-key: only /v1 paths are guarded; health and metrics are open.
    /// </summary>
    private static Func<HttpContext, RequestDelegate, Task> RequireApiKey(string? apiKey)
    {
        var expected = apiKey is null ? null : Encoding.UTF8.GetBytes("Bearer " + apiKey);
        return async (context, next) =>
        {
            if (expected is not null && context.Request.Path.StartsWithSegments("/v1")
                && !Matches(context.Request.Headers.Authorization.ToString(), expected))
            {
                await ErrorResponses.WriteUnauthorizedAsync(context);
                return;
            }

            await next(context);
        };
    }

    private static bool Matches(string header, byte[] expected)
    {
        // Constant-time comparison, so response timing does not leak the key.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), expected);
    }

    private static Task WriteModelsAsync(HttpContext context, string model)
    {
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return WriteJsonAsync(context, json =>
        {
            json.WriteString("object", "list");
            json.WriteStartArray("data");
            json.WriteStartObject();
            json.WriteString("id", model);
            json.WriteString("object", "model");
            json.WriteNumber("created", created);
            json.WriteString("owned_by", "fluxperf-mock");
            json.WriteString("root", model);
            json.WriteNull("parent");
            json.WriteEndObject();
            json.WriteEndArray();
        });
    }

    private static async Task WriteMetricsAsync(HttpContext context, MockServerState state)
    {
        context.Response.ContentType = MetricsExposition.ContentType;
        await context.Response.WriteAsync(MetricsExposition.Render(state), context.RequestAborted);
    }

    private static Task ResetPrefixCacheAsync(HttpContext context, MockServerState state)
    {
        var force = string.Equals(context.Request.Query["reset_running_requests"],
            "true", StringComparison.OrdinalIgnoreCase);
        var busy = state.Scheduler.Running + state.Scheduler.Waiting > 0;

        // Newer vLLM refuses (success false, still 200) while requests run, unless forced.
        var success = force || !busy;
        if (success)
        {
            state.Cache.Clear();
        }

        return WriteJsonAsync(context, json => json.WriteBoolean("success", success));
    }

    private static Task WriteTraceAsync(HttpContext context, MockJournal journal)
    {
        var id = context.Request.RouteValues["id"] as string ?? "";
        if (!journal.TryGet(id, out var trace))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return WriteJsonAsync(context, json => json.WriteString("error",
                $"no request with id \"{id}\" in the journal"));
        }

        return WriteJsonAsync(context, json => MockTraceJson.Write(json, trace));
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> body)
    {
        context.Response.ContentType = "application/json";
        var writer = context.Response.BodyWriter;
        await using var json = new Utf8JsonWriter(writer, JsonOptions.Writer);
        json.WriteStartObject();
        body(json);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
