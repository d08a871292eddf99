using System.Text.Json;
using System.Text.RegularExpressions;

namespace FluxPerf.Datasets.Conversion;

/// <summary>
/// LongBench's prompt templates and answer budgets: v1 templates per sub-dataset with
/// <c>{context}</c> and <c>{input}</c>, and the v2 zero-shot template with <c>$DOC$</c>,
/// <c>$Q$</c> and <c>$C_A$</c>..<c>$C_D$</c>.
/// </summary>
internal sealed partial class LongBenchTemplates
{
    // LongBench v2's prediction script asks for 128 new tokens in its zero-shot mode.
    private const int V2MaxTokens = 128;

    private readonly IReadOnlyDictionary<string, string> _v1Templates;
    private readonly IReadOnlyDictionary<string, int> _v1MaxTokens;
    private readonly string _v2Template;

    private LongBenchTemplates(
        IReadOnlyDictionary<string, string> v1Templates,
        IReadOnlyDictionary<string, int> v1MaxTokens,
        string v2Template)
    {
        _v1Templates = v1Templates;
        _v1MaxTokens = v1MaxTokens;
        _v2Template = v2Template;
    }

    /// <summary>Loads the embedded templates, or the v1 templates of
    /// <paramref name="templatesPath"/> when given.</summary>
    public static LongBenchTemplates Load(string? templatesPath)
    {
        var templates = templatesPath is null
            ? ParseObject<string>(
                EmbeddedText.Read("LongBench/v1/dataset2prompt.json"),
                "embedded dataset2prompt.json")
            : ReadTemplateFile(templatesPath);
        var maxTokens = ParseObject<int>(
            EmbeddedText.Read("LongBench/v1/dataset2maxlen.json"),
            "embedded dataset2maxlen.json");
        var v2Template = EmbeddedText.Read("LongBench/v2/prompts_0shot.txt");
        return new LongBenchTemplates(templates, maxTokens, v2Template);
    }

    /// <summary>Whether a prompt can be built for <paramref name="record"/>.</summary>
    public bool HasTemplate(LongBenchRecord record) =>
        record.IsV2 || _v1Templates.ContainsKey(record.Dataset);

    /// <summary>
    /// The answer budget LongBench gives the record's sub-dataset, if it names one.
    /// </summary>
    public int? MaxTokens(LongBenchRecord record) =>
        record.IsV2 ? V2MaxTokens : _v1MaxTokens.TryGetValue(record.Dataset, out var n) ? n : null;

    /// <summary>The full prompt: the template with context and question filled.</summary>
    public string Render(LongBenchRecord record) => Fill(Template(record), record);

    /// <summary>
    /// The prompt of a later turn in a session whose first turn already carried the context: the
    /// template text after the context placeholder with the question filled in, leading blank
    /// lines removed (and v2's closing <c>&lt;/text&gt;</c> tag, which only closes the document).
    /// </summary>
    public string RenderFollowUp(LongBenchRecord record)
    {
        var template = Template(record);
        var placeholder = record.IsV2 ? "$DOC$" : "{context}";
        var at = template.IndexOf(placeholder, StringComparison.Ordinal);
        var tail = at < 0 ? template : template[(at + placeholder.Length)..];
        tail = tail.TrimStart();
        if (record.IsV2 && tail.StartsWith("</text>", StringComparison.Ordinal))
        {
            tail = tail["</text>".Length..].TrimStart();
        }

        return Fill(tail, record);
    }

    private string Template(LongBenchRecord record) =>
        record.IsV2 ? _v2Template : _v1Templates[record.Dataset];

    // One pass over the template, so a context that itself contains "{input}" or "$Q$" is never
    // filled a second time (chained Replace calls would do that).
    private static string Fill(string template, LongBenchRecord record)
    {
        if (record.IsV2)
        {
            var choices = record.Choices!; // not null: IsV2 means choices were read
            return V2Placeholder().Replace(template, m => m.Groups[1].Value switch
            {
                "DOC" => record.Context.Trim(),
                "Q" => record.Question.Trim(),
                var c => choices[c[2] - 'A'].Trim(),
            });
        }

        return V1Placeholder().Replace(
            template,
            m => m.Groups[1].Value == "context" ? record.Context : record.Question);
    }

    private static Dictionary<string, string> ReadTemplateFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException(
                $"prompt templates file '{path}' does not exist; give a JSON object of "
                + "sub-dataset name → template, shaped like LongBench's dataset2prompt.json");
        }

        return ParseObject<string>(File.ReadAllText(path), path);
    }

    private static Dictionary<string, T> ParseObject<T>(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, T>>(json)
                ?? throw new DatasetException($"{source}: is null; expected a JSON object");
        }
        catch (JsonException e)
        {
            throw new DatasetException(
                $"{source}: line {e.LineNumber + 1}: not a JSON object of name → "
                + $"{(typeof(T) == typeof(int) ? "number" : "string")}: {e.Message}",
                e);
        }
    }

    [GeneratedRegex(@"\{(context|input)\}")]
    private static partial Regex V1Placeholder();

    [GeneratedRegex(@"\$(DOC|Q|C_A|C_B|C_C|C_D)\$")]
    private static partial Regex V2Placeholder();
}
