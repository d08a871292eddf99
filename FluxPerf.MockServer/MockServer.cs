using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FluxPerf.MockServer;

/// <summary>
/// A vLLM-like OpenAI-compatible server on Kestrel, with a simulated prefix cache, a latency
/// model, fault injection and a journal of what it sent when. Start one with
/// <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed class MockServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MockServerState _state;
    private int _stopped;

    private MockServer(WebApplication app, MockServerState state, Uri baseAddress)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
    }

    /// <summary>
    /// Where the server listens, with a trailing slash, e.g. http://127.0.0.1:43123/.
    /// </summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// The chat endpoint: <see cref="BaseAddress"/> + <c>v1/chat/completions</c>.
    /// </summary>
    public Uri ChatCompletionsUri => new(BaseAddress, "v1/chat/completions");

    /// <summary>What the server did for each request: the ground truth for a client.</summary>
    public MockJournal Journal => _state.Journal;

    /// <summary>The options the server runs with (a copy taken at start).</summary>
    public MockServerOptions Options => _state.Options.Clone();

    /// <summary>
    /// Starts a server and returns once it accepts connections. Throws an
    /// <see cref="ArgumentException"/> listing every problem when the options are invalid.
    /// </summary>
    /// <param name="options">The configuration; copied, so later changes have no effect.</param>
    /// <param name="ct">Cancels the start.</param>
    public static async Task<MockServer> StartAsync(
        MockServerOptions options,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var snapshot = options.Clone();
        var problems = snapshot.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The mock server options are invalid:"
                + Environment.NewLine + string.Join(Environment.NewLine, problems),
                nameof(options));
        }

        // Loading the tokenizer takes a moment; do it now rather than inside the first
        // request's TTFT.
        _ = OutputVocabulary.Count;

        var state = new MockServerState(snapshot);
        var app = Build(snapshot);
        MockEndpoints.Map(app, state);
        await app.StartAsync(ct);
        var server = new MockServer(app, state, AddressOf(app));
        await MockWarmUp.RunAsync(server.BaseAddress, state, ct);
        return server;
    }

    /// <summary>Stops accepting requests and ends the running ones.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _state.Dispose();
    }

    /// <summary>Stops the server (same as <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
    }

    private static WebApplication Build(MockServerOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(MockServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();

        // The embedding process (a test host, the CLI) owns Ctrl+C, not the mock.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 256L * 1024 * 1024;
            if (options.Host == "localhost")
            {
                kestrel.ListenLocalhost(options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            }
        });
        return builder.Build();
    }

    private static Uri AddressOf(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        return new Uri(address.TrimEnd('/') + "/");
    }
}
