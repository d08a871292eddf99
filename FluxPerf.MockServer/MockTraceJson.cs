using System.Diagnostics;
using System.Text.Json;

namespace FluxPerf.MockServer;

/// <summary>The JSON form of a trace served at <c>GET /debug/requests/{id}</c>.</summary>
internal static class MockTraceJson
{
    public static void Write(Utf8JsonWriter json, MockRequestTrace trace)
    {
        json.WriteString("requestId", trace.RequestId);

        // Out-of-process readers need the tick rate to turn timestamps into time.
        json.WriteNumber("stopwatchFrequency", Stopwatch.Frequency);
        json.WriteNumber("receivedTimestamp", trace.ReceivedTimestamp);
        if (trace.FirstTokenWrittenTimestamp is { } first)
        {
            json.WriteNumber("firstTokenWrittenTimestamp", first);
        }
        else
        {
            json.WriteNull("firstTokenWrittenTimestamp");
        }

        WriteArray(json, "tokenEventTimestamps", trace.TokenEventTimestamps);
        json.WriteStartArray("tokensPerEvent");
        foreach (var tokens in trace.TokensPerEvent)
        {
            json.WriteNumberValue(tokens);
        }

        json.WriteEndArray();
        json.WriteNumber("promptTokens", trace.PromptTokens);
        json.WriteNumber("cachedTokens", trace.CachedTokens);
        json.WriteNumber("completionTokens", trace.CompletionTokens);
        json.WriteString("outcome", trace.Outcome);
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<long> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
