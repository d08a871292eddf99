using System.Text.Json;

namespace FluxPerf.Datasets;

/// <summary>The per-entry fields beside the messages: id and output budget.</summary>
internal static partial class EntryParser
{
    // question_id is MT-Bench's id; without it its 80 questions would be renamed s0..s79.
    private static readonly string[] _idKeys = ["session_id", "id", "question_id"];

    private static string? ReadId(JsonElement entry, string location)
    {
        foreach (var key in _idKeys)
        {
            if (!entry.TryGetProperty(key, out var value))
            {
                continue;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                    return value.GetString();
                case JsonValueKind.Number:
                    return value.GetRawText();
                case JsonValueKind.String or JsonValueKind.Null:
                    continue;
                default:
                    throw new DatasetException(
                        $"{location}: \"{key}\" is {Describe(value)}; expected a string or a "
                        + "number, or leave it out to have an id generated");
            }
        }

        return null;
    }

    private static int? ReadMaxTokens(JsonElement entry, string location)
    {
        if (!entry.TryGetProperty("max_tokens", out var value)
            || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var tokens)
            && tokens > 0)
        {
            return tokens;
        }

        throw new DatasetException(
            $"{location}: \"max_tokens\" is {Describe(value)}; expected a whole number of "
            + "tokens from 1 to 2147483647, or leave it out to use the run's setting");
    }
}
