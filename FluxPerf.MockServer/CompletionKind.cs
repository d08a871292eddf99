namespace FluxPerf.MockServer;

/// <summary>Which OpenAI endpoint a request came through; it decides the response shapes.</summary>
internal enum CompletionKind
{
    Chat,
    Text,
}
