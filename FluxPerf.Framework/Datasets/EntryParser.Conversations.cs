using System.Text.Json;

namespace FluxPerf.Datasets;

/// <summary>
/// The conversation shapes: ShareGPT, OpenAI messages, and the user_messages extras.
/// </summary>
internal static partial class EntryParser
{
    private static string? ReadShareGpt(JsonElement value, ConversationBuilder builder)
    {
        return ReadMessages(value, "conversations", builder);
    }

    private static string? ReadOpenAiMessages(JsonElement value, ConversationBuilder builder)
    {
        return ReadMessages(value, "messages", builder);
    }

    private static string? ReadMessages(JsonElement value, string key, ConversationBuilder builder)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return $"\"{key}\" is {Describe(value)}; expected an array of messages";
        }

        var index = 0;
        foreach (var message in value.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object)
            {
                return $"\"{key}\"[{index}] is {Describe(message)}; expected a message object";
            }

            // ShareGPT exports exist with OpenAI key names and vice versa; accept either pair.
            var role = ReadOptionalString(message, "from") ?? ReadOptionalString(message, "role");
            var text = ReadContent(message, "value") ?? ReadContent(message, "content");
            AddByRole(role, text, builder);
            index++;
        }

        return null;
    }

    private static void AddByRole(string? role, string? text, ConversationBuilder builder)
    {
        // Tool traffic (function_call, observation, tool) is neither a prompt nor a reply a
        // benchmark can replay without the tools, so it is left out.
        switch (role?.ToUpperInvariant())
        {
            case "HUMAN" or "USER":
                builder.AddUser(text);
                break;
            case "GPT" or "ASSISTANT" or "CHATGPT" or "BING" or "BARD":
                builder.AddAssistant(text);
                break;
            case "SYSTEM" or "DEVELOPER":
                builder.AddSystem(text);
                break;
            default:
                break;
        }
    }

    private static string? ReadContent(JsonElement message, string key)
    {
        if (!message.TryGetProperty(key, out var content))
        {
            return null;
        }

        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString(),
            JsonValueKind.Array => JoinTextParts(content),
            _ => null,
        };
    }

    private static string? JoinTextParts(JsonElement parts)
    {
        // Only text parts are kept: images and audio would need the files the dataset points to.
        var texts = new List<string>();
        foreach (var part in parts.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.String)
            {
                texts.Add(part.GetString()!); // not null: ValueKind is String
            }
            else if (part.ValueKind == JsonValueKind.Object && IsTextPart(part))
            {
                texts.Add(ReadOptionalString(part, "text") ?? string.Empty);
            }
        }

        return texts.Count == 0 ? null : string.Join("\n", texts);
    }

    private static bool IsTextPart(JsonElement part)
    {
        var type = ReadOptionalString(part, "type");
        return type is null or "text" or "input_text";
    }
}
