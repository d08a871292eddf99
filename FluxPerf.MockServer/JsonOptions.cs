using System.Text.Encodings.Web;
using System.Text.Json;

namespace FluxPerf.MockServer;

/// <summary>JSON writer settings shared by every response.</summary>
internal static class JsonOptions
{
    // Python's json module (vLLM) leaves `, ', + and < readable; the default encoder would
    // write \u0060 and friends, which is valid but hard to read in captures.
    public static JsonWriterOptions Writer { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Escape(string value)
    {
        return JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .ToString();
    }
}
