namespace FluxPerf.Client;

/// <summary>The kinds of event a completion stream carries.</summary>
internal enum StreamChunkKind
{
    /// <summary>A <c>chat.completion.chunk</c> or <c>text_completion</c> object.</summary>
    Chunk,

    /// <summary><c>data: [DONE]</c>.</summary>
    Done,

    /// <summary>An event with no data worth reading (empty or whitespace).</summary>
    Empty,

    /// <summary>An error object sent after the stream started.</summary>
    Error,

    /// <summary>Data that is not a JSON object.</summary>
    Malformed,
}
