namespace FluxPerf.MockServer;

/// <summary>The values of <see cref="MockRequestTrace.Outcome"/>.</summary>
public static class MockOutcomes
{
    /// <summary>Still being served (a trace read while the request runs).</summary>
    public const string Running = "running";

    /// <summary>All tokens sent and, when streamed, <c>[DONE]</c> written.</summary>
    public const string Completed = "completed";

    /// <summary>
    /// Answered with an HTTP error before any token (injected or invalid request).
    /// </summary>
    public const string HttpError = "http_error";

    /// <summary>An injected error event was sent after some tokens, then <c>[DONE]</c>.</summary>
    public const string MidStreamError = "mid_stream_error";

    /// <summary>The mock aborted the connection on purpose (injected fault).</summary>
    public const string DroppedConnection = "dropped_connection";

    /// <summary>The client went away before the response was complete.</summary>
    public const string ClientAborted = "client_aborted";
}
