using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluxPerf.Tests.Client;

/// <summary>
/// A minimal "OpenAI-compatible" server over real loopback HTTP that, like some servers in the
/// wild, rejects <c>stream_options</c> with 400 and streams three tokens otherwise (no usage).
/// The mock server accepts stream_options, so this covers the client's retry rule.
/// </summary>
internal sealed class StreamOptionsRejectingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _withOptions;
    private int _withoutOptions;

    private StreamOptionsRejectingServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The chat endpoint.</summary>
    public Uri ChatCompletionsUri { get; private set; } = null!; // set in StartAsync

    /// <summary>Requests that carried stream_options.</summary>
    public int WithOptions => Volatile.Read(ref _withOptions);

    /// <summary>Requests that did not.</summary>
    public int WithoutOptions => Volatile.Read(ref _withoutOptions);

    /// <summary>Starts the server; <paramref name="rejection"/> is the 400 error message, and
    /// <paramref name="rejectEverything"/> makes every request fail (a bad request, not a
    /// stream_options problem).</summary>
    public static async Task<StreamOptionsRejectingServer> StartAsync(
        string rejection,
        bool rejectEverything = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new StreamOptionsRejectingServer(app);
        app.MapPost(
            "/v1/chat/completions",
            context => server.HandleAsync(context, rejection, rejectEverything));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First(); // Kestrel always reports one
        server.ChatCompletionsUri = new Uri(address.TrimEnd('/') + "/v1/chat/completions");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string rejection, bool rejectEverything)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var hasOptions = body.Contains("\"stream_options\"", StringComparison.Ordinal);
        Interlocked.Increment(ref hasOptions ? ref _withOptions : ref _withoutOptions);
        if (hasOptions || rejectEverything)
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                $"{{\"error\":{{\"message\":\"{rejection}\",\"type\":\"BadRequestError\","
                + "\"code\":400}}");
            return;
        }

        context.Response.ContentType = "text/event-stream";
        string[] deltas =
        [
            "{\"role\":\"assistant\",\"content\":\"\"}",
            "{\"content\":\"a\"}",
            "{\"content\":\"b\"}",
            "{\"content\":\"c\"}",
        ];
        foreach (var delta in deltas)
        {
            await context.Response.WriteAsync(
                $"data: {{\"choices\":[{{\"index\":0,\"delta\":{delta}}}]}}\n\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }
}
