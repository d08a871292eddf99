namespace FluxPerf.Client;

/// <summary>Why a request failed; <see cref="None"/> for a request that succeeded.</summary>
public enum RequestErrorKind
{
    /// <summary>The request succeeded.</summary>
    None,

    /// <summary>The server answered with a non-2xx HTTP status before streaming.</summary>
    HttpError,

    /// <summary>The stream started (status 200) and then carried an error event.</summary>
    StreamError,

    /// <summary>The connection closed or reset before the stream ended.</summary>
    ConnectionDropped,

    /// <summary>The connection could not be made at all (refused, unreachable, DNS).</summary>
    ConnectionFailed,

    /// <summary>The request took longer than the configured timeout.</summary>
    Timeout,

    /// <summary>The run was cancelled while the request was in flight.</summary>
    Cancelled,

    /// <summary>
    /// The stream ended without any token-bearing event or with an unusable body.
    /// </summary>
    InvalidResponse,
}
