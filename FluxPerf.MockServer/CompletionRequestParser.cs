using System.Text;
using System.Text.Json;

namespace FluxPerf.MockServer;

/// <summary>
/// Reads an OpenAI chat or completions request body the way vLLM's validation does for the
/// fields the mock uses, and ignores the rest (temperature, top_p, seed, ...).
/// </summary>
internal static class CompletionRequestParser
{
    public static async Task<(CompletionRequest? Request, RequestError? Error)> ParseAsync(
        Stream body,
        CompletionKind kind,
        int defaultMaxTokens,
        CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, default, ct);
            return Parse(document.RootElement, kind, defaultMaxTokens);
        }
        catch (JsonException e)
        {
            return (null, BadRequest($"The request body is not valid JSON: {e.Message}", null));
        }
    }

    private static (CompletionRequest?, RequestError?) Parse(
        JsonElement root,
        CompletionKind kind,
        int defaultMaxTokens)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, BadRequest("The request body must be a JSON object.", null));
        }

        var (text, ids, promptError) = kind == CompletionKind.Chat
            ? ReadMessages(root)
            : ReadPrompt(root);
        if (promptError is not null)
        {
            return (null, promptError);
        }

        var (maxTokens, maxError) = ReadMaxTokens(root, defaultMaxTokens);
        if (maxError is not null)
        {
            return (null, maxError);
        }

        return ReadStreaming(root, kind, text, ids, maxTokens);
    }

    private static (CompletionRequest?, RequestError?) ReadStreaming(
        JsonElement root,
        CompletionKind kind,
        string? text,
        int[]? ids,
        int maxTokens)
    {
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var hasOptions = root.TryGetProperty("stream_options", out var options)
            && options.ValueKind == JsonValueKind.Object;
        if (hasOptions && !stream)
        {
            return (null, BadRequest(
                "Stream options can only be defined when `stream=True`.", "stream_options"));
        }

        var includeUsage = hasOptions && IsTrue(options, "include_usage");

        // vLLM sends running usage only when the final usage is asked for as well.
        var continuous = includeUsage && IsTrue(options, "continuous_usage_stats");
        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString()
            : null;
        return (new CompletionRequest(kind, model, text, ids, maxTokens, stream, includeUsage,
            continuous), null);
    }

    private static (string?, int[]?, RequestError?) ReadMessages(JsonElement root)
    {
        if (!root.TryGetProperty("messages", out var messages)
            || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            return (null, null, BadRequest("`messages` must be a non-empty array.", "messages"));
        }

        var rendered = new List<(string, string)>();
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("role", out var role)
                || role.ValueKind != JsonValueKind.String)
            {
                return (null, null, BadRequest("Every message needs a string `role`.",
                    "messages"));
            }

            rendered.Add((role.GetString() ?? "", ReadContent(message)));
        }

        return (PromptTokenizer.RenderChat(rendered), null, null);
    }

    private static string ReadContent(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return "";
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString() ?? "";
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        // Content parts: only text parts carry tokens the mock can count.
        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object
                && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text.Append(t.GetString());
            }
        }

        return text.ToString();
    }

    private static (string?, int[]?, RequestError?) ReadPrompt(JsonElement root)
    {
        if (!root.TryGetProperty("prompt", out var prompt))
        {
            return (null, null, BadRequest("`prompt` is required.", "prompt"));
        }

        if (prompt.ValueKind == JsonValueKind.String)
        {
            return (prompt.GetString() ?? "", null, null);
        }

        if (prompt.ValueKind == JsonValueKind.Array && prompt.GetArrayLength() > 0)
        {
            return ReadPromptArray(prompt);
        }

        return (null, null, BadRequest(
            "`prompt` must be a string, one string in an array, or an array of token ids.",
            "prompt"));
    }

    private static (string?, int[]?, RequestError?) ReadPromptArray(JsonElement prompt)
    {
        var first = prompt[0];
        if (first.ValueKind == JsonValueKind.Number)
        {
            var ids = new List<int>();
            foreach (var item in prompt.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var id))
                {
                    return (null, null, BadRequest("Token ids must be integers.", "prompt"));
                }

                ids.Add(id);
            }

            return (null, [.. ids], null);
        }

        if (first.ValueKind == JsonValueKind.String && prompt.GetArrayLength() == 1)
        {
            return (first.GetString() ?? "", null, null);
        }

        return (null, null, BadRequest(
            "The mock serves one prompt per request; send a batch as separate requests.",
            "prompt"));
    }

    private static (int, RequestError?) ReadMaxTokens(JsonElement root, int defaultMaxTokens)
    {
        // max_completion_tokens is the newer name; vLLM prefers it when both are given.
        foreach (var name in (string[])["max_completion_tokens", "max_tokens"])
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var tokens)
                || tokens < 1)
            {
                return (0, BadRequest($"{name} must be at least 1, got {value.GetRawText()}.",
                    name));
            }

            return (tokens, null);
        }

        return (defaultMaxTokens, null);
    }

    private static bool IsTrue(JsonElement element, string name)
    {
        return element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
    }

    private static RequestError BadRequest(string message, string? param)
    {
        return new RequestError(400, message, param);
    }
}
