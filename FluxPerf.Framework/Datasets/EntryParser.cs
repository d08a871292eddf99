using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace FluxPerf.Datasets;

/// <summary>Reads one entry object in any of the accepted shapes.</summary>
internal static partial class EntryParser
{
    public const string AcceptedShapes =
        "{\"text\": ...}, {\"prompt\": ...}, {\"user_messages\": [...]}, "
        + "ShareGPT {\"conversations\": [{\"from\", \"value\"}]}, "
        + "OpenAI {\"messages\": [{\"role\", \"content\"}]} or MT-Bench {\"turns\": [...]}";

    // Checked in this order, so an entry carrying several of these keys is read by the richest.
    private static readonly (string Key, EntryShape Shape)[] _shapeKeys =
    [
        ("conversations", EntryShape.ShareGpt),
        ("messages", EntryShape.OpenAiMessages),
        ("user_messages", EntryShape.UserMessages),
        ("turns", EntryShape.Turns),
        ("prompt", EntryShape.Prompt),
        ("text", EntryShape.Text),
    ];

    /// <summary>
    /// Reads an entry; returns false with a reason when it has no usable user text.
    /// </summary>
    /// <exception cref="DatasetException">A FluxPerf field (<c>max_tokens</c>, an id) has a value
    /// of the wrong type; that is a mistake in a file someone prepared, not a data gap.</exception>
    public static bool TryParse(
        JsonElement entry,
        string location,
        [NotNullWhen(true)] out ParsedEntry? parsed,
        [NotNullWhen(false)] out string? skipReason)
    {
        parsed = null;
        if (!TryDetectShape(entry, out var shape, out var value))
        {
            skipReason = $"no known entry keys (found {DescribeKeys(entry)}); accepted shapes: "
                + AcceptedShapes;
            return false;
        }

        var builder = new ConversationBuilder();
        builder.AddSystem(ReadOptionalString(entry, "system"));
        skipReason = ReadShape(entry, shape, value, builder);
        if (skipReason is not null)
        {
            return false;
        }

        if (builder.UserCount == 0)
        {
            skipReason = $"the {shape} entry has no non-empty user message";
            return false;
        }

        parsed = new ParsedEntry(
            shape,
            ReadId(entry, location),
            builder.SystemPrompt,
            builder.UserMessages,
            builder.AssistantReplies,
            ReadMaxTokens(entry, location));
        return true;
    }

    private static bool TryDetectShape(
        JsonElement entry,
        out EntryShape shape,
        out JsonElement value)
    {
        foreach (var (key, candidate) in _shapeKeys)
        {
            if (entry.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null)
            {
                shape = candidate;
                return true;
            }
        }

        shape = default;
        value = default;
        return false;
    }

    private static string? ReadShape(
        JsonElement entry,
        EntryShape shape,
        JsonElement value,
        ConversationBuilder builder)
    {
        return shape switch
        {
            EntryShape.ShareGpt => ReadShareGpt(value, builder),
            EntryShape.OpenAiMessages => ReadOpenAiMessages(value, builder),
            EntryShape.UserMessages => ReadUserMessages(entry, value, builder),
            EntryShape.Turns => ReadTurns(value, builder),
            _ => ReadSingleTurn(value, shape == EntryShape.Prompt ? "prompt" : "text", builder),
        };
    }

    private static string? ReadSingleTurn(
        JsonElement value,
        string key,
        ConversationBuilder builder)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return $"\"{key}\" is {Describe(value)}; expected a string";
        }

        builder.AddUser(value.GetString());
        return null;
    }

    private static string? ReadUserMessages(
        JsonElement entry,
        JsonElement value,
        ConversationBuilder builder)
    {
        var replies = new List<string?>();
        var reason = ReadStrings(value, "user_messages", out var users);
        if (reason is null && entry.TryGetProperty("assistant_messages", out var replyValue)
            && replyValue.ValueKind != JsonValueKind.Null)
        {
            reason = ReadStrings(replyValue, "assistant_messages", out replies);
        }

        // Replies pair with user messages by position; extra replies have no question to answer.
        for (var i = 0; reason is null && i < users.Count; i++)
        {
            builder.AddUser(users[i]);
            builder.AddAssistant(i < replies.Count ? replies[i] : null);
        }

        return reason;
    }

    private static string? ReadTurns(JsonElement value, ConversationBuilder builder)
    {
        var reason = ReadStrings(value, "turns", out var turns);
        turns.ForEach(builder.AddUser);
        return reason;
    }

    private static string? ReadStrings(JsonElement value, string key, out List<string?> strings)
    {
        strings = [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            return $"\"{key}\" is {Describe(value)}; expected an array of strings";
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return $"\"{key}\"[{index}] is {Describe(item)}; expected a string";
            }

            strings.Add(item.GetString());
            index++;
        }

        return null;
    }

    private static string? ReadOptionalString(JsonElement entry, string key)
    {
        return entry.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }

    private static string DescribeKeys(JsonElement entry)
    {
        var keys = entry.EnumerateObject().Select(p => $"\"{p.Name}\"").Take(8).ToList();
        return keys.Count == 0 ? "an empty object" : string.Join(", ", keys);
    }

    internal static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        var shown = raw.Length > 40 ? raw[..40] + "…" : raw;
        return value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => shown,
        };
    }
}
