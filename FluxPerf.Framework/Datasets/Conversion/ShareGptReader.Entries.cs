using System.Text.Json;

namespace FluxPerf.Datasets.Conversion;

/// <summary>Entry parsing and role mapping of <see cref="ShareGptReader"/>.</summary>
internal static partial class ShareGptReader
{
    internal const string DroppedNotObject = "entry is not a JSON object";
    internal const string DroppedNoConversations = "no \"conversations\" list";
    internal const string DroppedBadTurn = "turn without \"from\"/\"value\" strings";
    internal const string DroppedUnknownRole = "unknown role";

    /// <summary>
    /// Maps a ShareGPT role name to the role it plays, or <c>null</c> for unknown names.
    /// </summary>
    /// <remarks>
    /// Tool data follow the OpenAI convention of who produced the text: a <c>function_call</c> is
    /// the model's output, so it joins the assistant side; an <c>observation</c> (the tool's
    /// result) is sent by the client, so it becomes a user turn. In glaive-style data this gives
    /// user, assistant (call), user (result), assistant (answer), which keeps the alternation.
    /// </remarks>
    public static ShareGptRole? MapRole(string name) => name.ToLowerInvariant() switch
    {
        "human" or "user" => ShareGptRole.User,
        "observation" or "tool" or "function" => ShareGptRole.User,
        "gpt" or "assistant" or "chatgpt" or "bard" or "bing" or "model" => ShareGptRole.Assistant,
        "function_call" => ShareGptRole.Assistant,
        "system" => ShareGptRole.System,
        _ => null,
    };

    private static ShareGptRecord ParseEntry(JsonElement element, string location)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Problem(DroppedNotObject, location);
        }

        var id = ReadId(element);
        var tools = element.TryGetProperty("tools", out var t)
            && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
        if (!element.TryGetProperty("conversations", out var conversation)
            || conversation.ValueKind != JsonValueKind.Array)
        {
            return Problem(DroppedNoConversations, location, id);
        }

        var turns = new List<ShareGptTurn>();
        foreach (var turn in conversation.EnumerateArray())
        {
            var parsed = ParseTurn(turn, out var problem);
            if (parsed is null)
            {
                // not null: ParseTurn sets the problem whenever it returns null
                return Problem(problem!, location, id);
            }

            turns.Add(parsed);
        }

        return new ShareGptRecord(id, turns, tools, location);
    }

    private static ShareGptTurn? ParseTurn(JsonElement turn, out string? problem)
    {
        problem = DroppedBadTurn;
        if (turn.ValueKind != JsonValueKind.Object
            || !TryGetString(turn, "from", "role", out var from)
            || !TryGetString(turn, "value", "content", out var value))
        {
            return null;
        }

        if (MapRole(from) is not { } role)
        {
            problem = DroppedUnknownRole;
            return null;
        }

        problem = null;
        return new ShareGptTurn(role, value);
    }

    private static bool TryGetString(JsonElement turn, string name, string alias, out string value)
    {
        value = string.Empty;
        if ((turn.TryGetProperty(name, out var v) || turn.TryGetProperty(alias, out v))
            && v.ValueKind is JsonValueKind.String or JsonValueKind.Null)
        {
            // A null value is a missing reply, kept as empty text so cleaning counts and drops it.
            value = v.GetString() ?? string.Empty;
            return true;
        }

        return false;
    }

    private static string? ReadId(JsonElement element)
    {
        if (!element.TryGetProperty("id", out var id))
        {
            return null;
        }

        return id.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(id.GetString()) => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        };
    }

    private static ShareGptRecord Problem(string reason, string location, string? id = null) =>
        new(id, [], null, location, reason);
}
