using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace FluxPerf.Client;

/// <summary>One attempt of a request: send, then read the stream or the error body.</summary>
public sealed partial class StreamingClient
{
    // Error bodies are short; a misbehaving server's megabyte of HTML is not read in full.
    private const int MaxErrorBodyBytes = 64 * 1024;

    private async Task<ResponseMeasurement> SendOnceAsync(
        LlmRequest request,
        long scheduled,
        StreamOptionsMode mode,
        CancellationToken runToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        using var message = CreateMessage(request, mode);
        using var accumulator = new ResponseAccumulator(_options.CaptureResponseText, _pools);

        // Sent is stamped after the body is built (that is client work, part of schedule lag)
        // and immediately before the HTTP stack gets the request, so connection set-up and the
        // server's queueing count in TTFT. ResponseHeadersRead returns as soon as the headers
        // arrive: vLLM sends them before any work is done, so they never mark TTFT.
        // The timeout runs from the send, like every figure it cuts short.
        timeout.CancelAfter(_options.RequestTimeout);
        var sent = Timestamps.Now();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(
                message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            var kind = Classify(exception, beforeResponse: true, runToken);
            return Finish(accumulator, new RequestTiming(scheduled, sent, Timestamps.Now()), null,
                kind, Describe(exception, kind));
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorBodyAsync(response, status, timeout.Token);
                return Finish(accumulator, new RequestTiming(scheduled, sent, Timestamps.Now()),
                    status, RequestErrorKind.HttpError, error);
            }

            _negotiation.Accepted(mode);
            return await ReadStreamAsync(
                response,
                accumulator,
                new RequestTiming(scheduled, sent, 0),
                runToken,
                timeout.Token);
        }
    }

    private HttpRequestMessage CreateMessage(LlmRequest request, StreamOptionsMode mode)
    {
        var content = new ByteArrayContent(BuildBody(request, mode));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var message = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint)
        {
            Content = content,

            // HTTP/1.1 on every server: one stream per connection, so one request's events are
            // never queued behind another's frames.
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        message.Headers.TryAddWithoutValidation("x-request-id", request.RequestId);
        return message;
    }

    private async Task<ResponseMeasurement> ReadStreamAsync(
        HttpResponseMessage response,
        ResponseAccumulator accumulator,
        RequestTiming timing,
        CancellationToken runToken,
        CancellationToken token)
    {
        var status = (int)response.StatusCode;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(token);
            using var reader = new SseReader(stream, pool: _pools.Bytes);
            var (done, error, message) = await ConsumeAsync(reader, accumulator, token);

            // Every event was stamped and parsed where it was read; turning the stamps into the
            // measurement is work per request, which must not hold up other streams' reads.
            await SocketCompletions.LeaveSocketThread();
            return Finish(accumulator, timing with { Done = done }, status, error, message);
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            var kind = Classify(exception, beforeResponse: false, runToken);
            return Finish(accumulator, timing with { Done = Timestamps.Now() }, status, kind,
                Describe(exception, kind));
        }
    }

    private static async Task<(long Done, RequestErrorKind Error, string? Message)> ConsumeAsync(
        SseReader reader,
        ResponseAccumulator accumulator,
        CancellationToken token)
    {
        while (await reader.ReadEventAsync(token))
        {
            var kind = accumulator.Accept(reader.Data, reader.ArrivalTimestamp);

            // After an error event nothing more is measured: the request has failed and the
            // [DONE] that follows it would only look like success.
            if (kind is StreamChunkKind.Done or StreamChunkKind.Error)
            {
                return (reader.ArrivalTimestamp, RequestErrorKind.None, null);
            }
        }

        if (reader.EndedMidEvent)
        {
            return (reader.EndTimestamp, RequestErrorKind.ConnectionDropped,
                "the connection closed in the middle of an event, before [DONE]");
        }

        // A clean close after whole events is the end of the stream: some servers omit [DONE].
        return (reader.EndTimestamp, RequestErrorKind.None, null);
    }

    private static async Task<string> ReadErrorBodyAsync(
        HttpResponseMessage response,
        int status,
        CancellationToken token)
    {
        var body = new byte[MaxErrorBodyBytes];
        var length = 0;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(token);
            int read;
            while (length < body.Length
                && (read = await stream.ReadAsync(body.AsMemory(length), token)) > 0)
            {
                length += read;
            }
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            // The status already says the request failed; a body cut short is quoted as far
            // as it came.
        }

        return ErrorText.FromBody(body.AsMemory(0, length), status);
    }

    private ResponseMeasurement Finish(
        ResponseAccumulator accumulator,
        RequestTiming timing,
        int? status,
        RequestErrorKind kind,
        string? message)
    {
        var measurement = accumulator.Finish(timing, status, kind, message);
        if (!measurement.Succeeded)
        {
            ClientLog.RequestFailed(
                _logger, measurement.Error, status, measurement.ErrorMessage ?? "");
        }

        return measurement;
    }

    // Failures of the request itself; anything else (a null argument, a disposed client) is a
    // programming error and is thrown.
    private static bool IsTransportFailure(Exception exception) =>
        exception is HttpRequestException or IOException or OperationCanceledException
            or SocketException or InvalidDataException;

    private static RequestErrorKind Classify(
        Exception exception,
        bool beforeResponse,
        CancellationToken runToken)
    {
        if (runToken.IsCancellationRequested)
        {
            return RequestErrorKind.Cancelled;
        }

        // The linked token is the only other source of cancellation.
        if (exception is OperationCanceledException)
        {
            return RequestErrorKind.Timeout;
        }

        if (exception is InvalidDataException)
        {
            return RequestErrorKind.InvalidResponse;
        }

        var neverConnected = exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError
                or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError
                or HttpRequestError.ProxyTunnelError,
        };
        return beforeResponse && neverConnected
            ? RequestErrorKind.ConnectionFailed
            : RequestErrorKind.ConnectionDropped;
    }

    private string Describe(Exception exception, RequestErrorKind kind) => kind switch
    {
        RequestErrorKind.Timeout =>
            "no complete response within RequestTimeout "
            + $"{_options.RequestTimeout.TotalSeconds:0.###} s",
        RequestErrorKind.Cancelled => "the run was cancelled while the request was in flight",
        _ when exception.InnerException is { } inner => $"{exception.Message} ({inner.Message})",
        _ => exception.Message,
    };
}
