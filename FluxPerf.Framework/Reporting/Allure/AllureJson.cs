using System.Text.Encodings.Web;
using System.Text.Json;

namespace FluxPerf.Reporting.Allure;

/// <summary>
/// Writes Allure's results format (the model of Allure 2's <c>TestResult</c>, read by Allure 2
/// and 3 alike) field by field, so the file shows exactly what the format names and nothing of
/// FluxPerf's own naming policy.
/// </summary>
internal static class AllureJson
{
    private static readonly JsonWriterOptions _options = new()
    {
        Indented = true,

        // Results are read by Allure and by people, never embedded raw in HTML by us.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, _options))
        {
            body(json);
        }

        return buffer.ToArray();
    }

    public static void Result(Utf8JsonWriter json, AllureTestCase test)
    {
        json.WriteStartObject();
        json.WriteString("uuid", test.Uuid);
        json.WriteString("historyId", test.HistoryId);
        json.WriteString("testCaseId", test.TestCaseId);
        json.WriteString("fullName", test.FullName);
        json.WriteString("name", test.Name);
        OptionalString(json, "description", test.Description);
        Outcome(json, test.Status, test.Message, test.Trace);
        json.WriteNumber("start", test.Start);
        json.WriteNumber("stop", test.Stop ?? test.Start);
        Labels(json, test.Labels);
        Links(json, test.Links);
        Parameters(json, test.Parameters);
        Steps(json, "steps", test.Steps);
        Attachments(json, test.Attachments);
        json.WriteEndObject();
    }

    public static void Container(Utf8JsonWriter json, AllureContainer container, long stop)
    {
        json.WriteStartObject();
        json.WriteString("uuid", container.Uuid);
        json.WriteString("name", container.Name);
        json.WriteStartArray("children");
        foreach (var child in container.Children)
        {
            json.WriteStringValue(child);
        }

        json.WriteEndArray();
        Steps(json, "befores", container.Befores);
        Steps(json, "afters", container.Afters);
        json.WriteNumber("start", container.Start);
        json.WriteNumber("stop", stop);
        json.WriteEndObject();
    }

    public static string StatusText(AllureStatus status) => status switch
    {
        AllureStatus.Passed => "passed",
        AllureStatus.Failed => "failed",
        AllureStatus.Broken => "broken",
        AllureStatus.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown status"),
    };

    private static void Step(Utf8JsonWriter json, AllureStep step)
    {
        json.WriteStartObject();
        json.WriteString("name", step.Name);
        Outcome(json, step.Status, step.Message, step.Trace);
        json.WriteNumber("start", step.Start);
        json.WriteNumber("stop", step.Stop ?? step.Start);
        Parameters(json, step.Parameters);
        Steps(json, "steps", step.Steps);
        Attachments(json, step.Attachments);
        json.WriteEndObject();
    }

    private static void Outcome(Utf8JsonWriter json, AllureStatus status, string? message,
        string? trace)
    {
        json.WriteString("status", StatusText(status));
        if (message is not null || trace is not null)
        {
            json.WriteStartObject("statusDetails");
            OptionalString(json, "message", message);
            OptionalString(json, "trace", trace);
            json.WriteEndObject();
        }

        json.WriteString("stage", "finished");
    }

    private static void Steps(Utf8JsonWriter json, string name, IReadOnlyList<AllureStep> steps)
    {
        json.WriteStartArray(name);
        foreach (var step in steps)
        {
            Step(json, step);
        }

        json.WriteEndArray();
    }

    private static void Labels(Utf8JsonWriter json, IReadOnlyList<AllureLabel> labels)
    {
        json.WriteStartArray("labels");
        foreach (var label in labels)
        {
            json.WriteStartObject();
            json.WriteString("name", label.Name);
            json.WriteString("value", label.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Links(Utf8JsonWriter json, IReadOnlyList<AllureLink> links)
    {
        json.WriteStartArray("links");
        foreach (var link in links)
        {
            json.WriteStartObject();
            json.WriteString("name", link.Name);
            json.WriteString("url", link.Url);
            json.WriteString("type", link.Type);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Parameters(Utf8JsonWriter json, IReadOnlyList<AllureParameter> parameters)
    {
        json.WriteStartArray("parameters");
        foreach (var parameter in parameters)
        {
            json.WriteStartObject();
            json.WriteString("name", parameter.Name);
            json.WriteString("value", parameter.Value);
            if (parameter.Excluded)
            {
                json.WriteBoolean("excluded", true);
            }

            if (parameter.Mode != AllureParameterMode.Default)
            {
                json.WriteString("mode", parameter.Mode == AllureParameterMode.Masked
                    ? "masked" : "hidden");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Attachments(Utf8JsonWriter json, IReadOnlyList<AllureAttachment> items)
    {
        json.WriteStartArray("attachments");
        foreach (var attachment in items)
        {
            json.WriteStartObject();
            json.WriteString("name", attachment.Name);
            json.WriteString("source", attachment.Source);
            json.WriteString("type", attachment.Type);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void OptionalString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
