using System.Text;
using System.Text.Json.Nodes;

namespace FluxPerf.Client;

/// <summary>
/// How a <see cref="StreamingClient"/> talks to one OpenAI-compatible endpoint. One instance is
/// used for a whole run, so every request of both rounds is rendered and sent the same way.
/// </summary>
public sealed record ClientOptions
{
    /// <summary>
    /// The full URL of the endpoint, for example <c>http://127.0.0.1:8000/v1/chat/completions</c>.
    /// A path that ends in <c>completions</c> without <c>chat</c> (<c>/v1/completions</c>) selects
    /// the completions API; anything else is treated as chat. Required.
    /// </summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The <c>model</c> field of every request; omitted from the body when <c>null</c>
    /// (vLLM then serves its only model). Default <c>null</c>.</summary>
    public string? Model { get; init; }

    /// <summary><c>max_tokens</c> for requests that carry no budget of their own; omitted when
    /// both are <c>null</c>. Default <c>null</c>.</summary>
    public int? DefaultMaxTokens { get; init; }

    /// <summary>The <c>temperature</c> field; omitted when <c>null</c>. Default <c>null</c>.
    /// </summary>
    public double? Temperature { get; init; }

    /// <summary>Sends vLLM's <c>ignore_eos: true</c> so every request generates exactly its
    /// budget; the field is omitted when false, because strict servers reject unknown fields.
    /// Default false.</summary>
    public bool IgnoreEos { get; init; }

    /// <summary>
    /// The name of the environment variable that holds the API key, sent as
    /// <c>Authorization: Bearer</c>. The key is read once when the client is built and is never
    /// logged or printed. Default <c>null</c> (no authorization header).
    /// </summary>
    public string? ApiKeyEnvironmentVariable { get; init; }

    /// <summary>The longest a request may take from send to the end of its stream before it is
    /// recorded as <see cref="RequestErrorKind.Timeout"/>. Default 300 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// Connections kept open to the server; size it to the highest concurrency of the run so no
    /// request waits for a connection inside the HTTP stack, where the wait would be hidden in
    /// TTFT. Default 256.
    /// </summary>
    public int MaxConnections { get; init; } = 256;

    /// <summary>
    /// Extra top-level fields added to every body after the standard ones, in ordinal key order
    /// (for example <c>top_p</c> or <c>chat_template_kwargs</c>). A key that FluxPerf writes
    /// itself is rejected when the client is built. Default <c>null</c>.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?>? ExtraBody { get; init; }

    /// <summary>Extra HTTP headers sent with every request. Their values are never printed, since
    /// they may carry credentials. Default <c>null</c>.</summary>
    public IReadOnlyDictionary<string, string>? ExtraHeaders { get; init; }

    /// <summary>
    /// Asks for usage with <c>stream_options: {include_usage, continuous_usage_stats}</c>, which
    /// gives exact output-token counts and the tokens carried by each event. When the server
    /// rejects the field the client retries without it and estimates tokens from events.
    /// Default true.
    /// </summary>
    public bool RequestUsage { get; init; } = true;

    /// <summary>Keeps the generated text in <see cref="ResponseMeasurement.ResponseText"/>
    /// (multi-turn sessions need it as history). Default true.</summary>
    public bool CaptureResponseText { get; init; } = true;

    /// <summary>True when <see cref="Endpoint"/> selects the completions API.</summary>
    public bool IsCompletionsEndpoint
    {
        get
        {
            var path = Endpoint.AbsolutePath.TrimEnd('/');
            return path.EndsWith("completions", StringComparison.OrdinalIgnoreCase)
                && !path.Contains("chat", StringComparison.OrdinalIgnoreCase);
        }
    }

    // Header values may be credentials (a custom auth header), so the record's generated
    // ToString prints only their names.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Endpoint = ").Append(Endpoint)
            .Append(", Model = ").Append(Model)
            .Append(", DefaultMaxTokens = ").Append(DefaultMaxTokens)
            .Append(", Temperature = ").Append(Temperature)
            .Append(", IgnoreEos = ").Append(IgnoreEos)
            .Append(", ApiKeyEnvironmentVariable = ").Append(ApiKeyEnvironmentVariable)
            .Append(", RequestTimeout = ").Append(RequestTimeout)
            .Append(", MaxConnections = ").Append(MaxConnections)
            .Append(", ExtraBody = [").AppendJoin(", ", ExtraBody?.Keys ?? [])
            .Append("], ExtraHeaders = [").AppendJoin(", ", ExtraHeaders?.Keys ?? [])
            .Append("], RequestUsage = ").Append(RequestUsage)
            .Append(", CaptureResponseText = ").Append(CaptureResponseText);
        return true;
    }
}
