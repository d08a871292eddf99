namespace FluxPerf.Client;

/// <summary>The three moments of a request the transport knows, as monotonic timestamps.</summary>
/// <param name="Scheduled">When the load model wanted the request to start.</param>
/// <param name="Sent">Just before the request was handed to the HTTP stack.</param>
/// <param name="Done">The end of the stream or the moment of failure.</param>
internal readonly record struct RequestTiming(long Scheduled, long Sent, long Done);
