using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FluxPerf.Client;

/// <summary>
/// Sends <see cref="LlmRequest"/>s to one OpenAI-compatible endpoint as streams and measures
/// each response exactly (docs/measurement.md). One instance serves a whole run: it owns one
/// connection pool, and it remembers whether the server accepts <c>stream_options</c>.
/// Thread-safe; <see cref="SendAsync"/> may run concurrently.
/// </summary>
public sealed partial class StreamingClient : IDisposable
{
    private readonly ClientOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly StreamOptionsNegotiation _negotiation;
    private readonly ResponseBufferPools _pools;
    private readonly bool _isCompletions;

    /// <summary>Creates a client for <paramref name="options"/>; reads the API key from the
    /// environment now.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The API key variable is not set.</exception>
    public StreamingClient(ClientOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _isCompletions = options.IsCompletionsEndpoint;
        _negotiation = new StreamOptionsNegotiation(options.RequestUsage);
        _pools = ResponseBufferPools.ForConcurrency(options.MaxConnections);
        _http = CreateHttpClient(options, ReadApiKey(options));
    }

    /// <summary>
    /// Sends <paramref name="request"/> and measures its stream. Never throws for a failed
    /// request: failures are recorded in <see cref="ResponseMeasurement.Error"/>.
    /// </summary>
    /// <param name="request">The request; its id is sent as <c>x-request-id</c>.</param>
    /// <param name="scheduledTimestamp">When the load model wanted the request to start
    /// (<see cref="Timestamps.Now"/> ticks); the gap to the send is the schedule lag.</param>
    /// <param name="cancellationToken">Cancels the run; the request is recorded as
    /// <see cref="RequestErrorKind.Cancelled"/>.</param>
    public async Task<ResponseMeasurement> SendAsync(
        LlmRequest request,
        long scheduledTimestamp,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var mode = _negotiation.Current;
        var first = await SendOnceAsync(request, scheduledTimestamp, mode, cancellationToken);
        if (first.Error != RequestErrorKind.HttpError
            || first.HttpStatus is not { } status
            || !_negotiation.TryStepDown(
                mode, status, first.ErrorMessage, out var next, out var certain))
        {
            // The caller's next step (its record, its next request) is per-request work.
            await SocketCompletions.LeaveSocketThread();
            return first;
        }

        ClientLog.StreamOptionsRejected(_logger, status, first.ErrorMessage ?? "", next, certain);

        // The retry keeps the original scheduled time, so its schedule lag includes the rejected
        // attempt: that delay was real for this request and happens at most once or twice a run.
        var retry = await SendOnceAsync(request, scheduledTimestamp, next, cancellationToken);
        if (!certain && retry.HttpStatus is >= 200 and < 300)
        {
            _negotiation.Remember(mode, next);
            _negotiation.Accepted(next);
        }

        await SocketCompletions.LeaveSocketThread();
        return certain || retry.HttpStatus is >= 200 and < 300 ? retry : first;
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private static void Validate(ClientOptions options)
    {
        if (!options.Endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException(
                $"Endpoint '{options.Endpoint}' is relative; give the full URL, for example "
                + "http://127.0.0.1:8000/v1/chat/completions", nameof(options));
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"RequestTimeout {options.RequestTimeout} must be positive", nameof(options));
        }

        if (options.MaxConnections < 1)
        {
            throw new ArgumentException(
                $"MaxConnections {options.MaxConnections} must be at least 1; "
                + "size it to the highest concurrency", nameof(options));
        }

        ValidateExtraBody(options.ExtraBody);
    }

    private static string? ReadApiKey(ClientOptions options)
    {
        if (options.ApiKeyEnvironmentVariable is not { } name)
        {
            return null;
        }

        var key = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException(
                $"the environment variable '{name}' named by ApiKeyEnvironmentVariable is not set "
                + "or empty; export the API key in it, or remove the option for an open server");
        }

        return key;
    }

    private static HttpClient CreateHttpClient(ClientOptions options, string? apiKey)
    {
        var handler = new SocketsHttpHandler
        {
            // As many connections as requests in flight: a request queued for a connection
            // inside the handler would count that wait as server time in its TTFT.
            MaxConnectionsPerServer = options.MaxConnections,

            // Connections live for the run; recycling one mid-round would add a handshake to
            // some requests' TTFT and not to others'.
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),

            // Token streams are not compressed by inference servers; decompression would only
            // add buffering between the socket and the clock.
            AutomaticDecompression = DecompressionMethods.None,

            // A request abandoned mid-stream (error event) is not worth waiting for.
            ResponseDrainTimeout = TimeSpan.FromMilliseconds(100),

            // A benchmark measures the server; a proxy from the environment would add its own
            // buffering to every timestamp.
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
        };

        var http = new HttpClient(handler)
        {
            // Each request has its own timeout (a linked token), covering the whole stream.
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        AddDefaultHeaders(http.DefaultRequestHeaders, options, apiKey);
        return http;
    }

    private static void AddDefaultHeaders(
        HttpRequestHeaders headers,
        ClientOptions options,
        string? apiKey)
    {
        headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (apiKey is not null)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        foreach (var (name, value) in options.ExtraHeaders ?? new Dictionary<string, string>())
        {
            if (!headers.TryAddWithoutValidation(name, value))
            {
                throw new ArgumentException(
                    $"ExtraHeaders entry '{name}' is not a request header; content headers such "
                    + "as Content-Type are set by the client", nameof(options));
            }
        }
    }
}
