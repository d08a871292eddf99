using System.Text.Json;

namespace FluxPerf.Datasets.Conversion;

/// <summary>Field parsing of <see cref="LongBenchReader"/>.</summary>
internal static partial class LongBenchReader
{
    private static readonly string[] ChoiceFields =
        ["choice_A", "choice_B", "choice_C", "choice_D"];

    private static LongBenchRecord ParseRecord(JsonElement element, string stem, string location)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DatasetException(
                $"{location}: is a JSON {element.ValueKind.ToString().ToLowerInvariant()}; "
                + "expected a LongBench record object");
        }

        return element.TryGetProperty("choice_A", out _)
            ? ParseV2(element, location)
            : ParseV1(element, stem, location);
    }

    private static LongBenchRecord ParseV1(JsonElement element, string stem, string location)
    {
        var context = RequiredString(element, "context", location, "LongBench v1");
        var input = RequiredString(element, "input", location, "LongBench v1");
        var dataset = OptionalString(element, "dataset") is { Length: > 0 } named ? named : stem;
        var id = OptionalString(element, "_id") ?? location;
        return new LongBenchRecord(
            id,
            dataset,
            SubDomain: null,
            OptionalString(element, "language"),
            context,
            input,
            Choices: null,
            location);
    }

    private static LongBenchRecord ParseV2(JsonElement element, string location)
    {
        var context = RequiredString(element, "context", location, "LongBench v2");
        var question = RequiredString(element, "question", location, "LongBench v2");
        var choices = ChoiceFields
            .Select(f => RequiredString(element, f, location, "LongBench v2"))
            .ToList();
        return new LongBenchRecord(
            OptionalString(element, "_id") ?? location,
            OptionalString(element, "domain") ?? "longbench-v2",
            OptionalString(element, "sub_domain"),
            Language: null,
            context,
            question,
            choices,
            location);
    }

    private static string RequiredString(
        JsonElement element,
        string name,
        string location,
        string shape)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            throw new DatasetException(
                $"{location}: {shape} record has no \"{name}\" field; expected fields "
                + (shape == "LongBench v1"
                    ? "input, context, dataset, language, _id"
                    : "_id, domain, question, choice_A..choice_D, context"));
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new DatasetException(
                $"{location}: field \"{name}\" is a {value.ValueKind.ToString().ToLowerInvariant()}"
                + $" ({Abbreviate(value.GetRawText())}); expected a string");
        }

        return value.GetString()!; // not null: ValueKind is String
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Abbreviate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
