using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FluxPerf.Reporting;

/// <summary>The JSON settings of every file FluxPerf writes.</summary>
public static class ReportJson
{
    /// <summary>One object per line (requests.jsonl, debug.jsonl).</summary>
    public static JsonSerializerOptions Lines { get; } = Create(indented: false);

    /// <summary>Indented documents (results.json).</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,

            // Result files are read by people and by tools, never embedded in HTML: keep
            // non-ASCII text and symbols such as ≤ readable instead of \u escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));

        // Same text as the built-in number formatting, several times faster for the timings,
        // which are whole nanoseconds in ms and make up most of requests.jsonl.
        options.Converters.Add(new MillisecondDoubleConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
