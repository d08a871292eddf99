using System.Text;
using System.Text.Json;

namespace FluxPerf.Client;

/// <summary>
/// Finds the human-readable message in the error shapes OpenAI-compatible servers send:
/// <c>{"error":{"message":...}}</c> (vLLM, OpenAI), <c>{"error":"Unauthorized"}</c> (vLLM's API
/// key check), <c>{"object":"error","message":...}</c> (older vLLM) and <c>{"detail":...}</c>
/// (FastAPI validation); anything else is quoted as text, truncated.
/// </summary>
internal static class ErrorText
{
    /// <summary>The longest body text quoted in a message.</summary>
    internal const int MaxQuotedChars = 500;

    /// <summary>Reads the message of an error object; false when the object is no error.</summary>
    public static bool TryRead(JsonElement root, out string message)
    {
        message = "";
        if (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            message = Describe(error);
            return true;
        }

        if (root.TryGetProperty("object", out var kind)
            && kind.ValueKind == JsonValueKind.String
            && kind.ValueEquals("error"u8))
        {
            message = root.TryGetProperty("message", out var text)
                ? Describe(text)
                : Truncate(root.GetRawText());
            return true;
        }

        return false;
    }

    /// <summary>The message of a non-2xx response body, whatever its shape.</summary>
    public static string FromBody(ReadOnlyMemory<byte> body, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && TryRead(root, out var message))
            {
                return message;
            }

            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("detail", out var detail))
            {
                return Describe(detail);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, plain text): quoted below.
        }

        var text = Encoding.UTF8.GetString(body.Span).Trim();
        return text.Length == 0 ? $"HTTP {status} with an empty body" : Truncate(text);
    }

    private static string Describe(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return Truncate(value.GetString() ?? "");
        }

        if (value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("message", out var message)
            && message.ValueKind == JsonValueKind.String)
        {
            return Truncate(message.GetString() ?? "");
        }

        return Truncate(value.GetRawText());
    }

    private static string Truncate(string text) =>
        text.Length <= MaxQuotedChars ? text : string.Concat(text.AsSpan(0, MaxQuotedChars), "…");
}
