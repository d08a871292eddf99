using System.Text.Json;

namespace FluxPerf.Reporting.Allure;

/// <summary>The run-level files: categories (Allure 2 and 3), executor and metrics.</summary>
internal static class AllureRunFiles
{
    public static void Categories(Utf8JsonWriter json, IReadOnlyList<AllureCategory> categories)
    {
        json.WriteStartArray();
        foreach (var category in categories)
        {
            json.WriteStartObject();
            json.WriteString("name", category.Name);
            Statuses(json, "matchedStatuses", category.Statuses);
            if (category.MessagePattern is not null)
            {
                json.WriteString("messageRegex", category.MessagePattern);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Allure 3's static config: the same categories in its own rule form.</summary>
    public static void Allure3Config(
        Utf8JsonWriter json,
        string reportName,
        IReadOnlyList<AllureCategory> categories)
    {
        json.WriteStartObject();
        json.WriteString("name", reportName);
        json.WriteStartObject("categories");
        json.WriteStartArray("rules");
        foreach (var category in categories)
        {
            json.WriteStartObject();
            json.WriteString("name", category.Name);
            json.WriteStartObject("matchers");
            Statuses(json, "statuses", category.Statuses);
            if (category.MessagePattern is not null)
            {
                json.WriteString("message", category.MessagePattern);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void Executor(Utf8JsonWriter json, AllureExecutor executor)
    {
        json.WriteStartObject();
        json.WriteString("name", executor.Name);
        json.WriteString("type", executor.Type);
        Optional(json, "buildName", executor.BuildName);
        Optional(json, "buildUrl", executor.BuildUrl);
        if (executor.BuildOrder is { } order)
        {
            json.WriteNumber("buildOrder", order);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes the samples; non-finite values are left out because Allure 3 drops
    /// them anyway and JSON has no NaN.</summary>
    public static int Metrics(Utf8JsonWriter json, IEnumerable<AllureMetric> metrics)
    {
        var written = 0;
        json.WriteStartArray();
        foreach (var metric in metrics.Where(m => double.IsFinite(m.Value)))
        {
            json.WriteStartObject();
            json.WriteString("id", Guid.NewGuid().ToString());
            json.WriteString("key", metric.Key);
            json.WriteNumber("value", metric.Value);
            json.WriteNumber("start", metric.Start);
            json.WriteNumber("stop", metric.Stop);
            Optional(json, "unit", metric.Unit);
            Optional(json, "better", metric.Better);
            json.WriteEndObject();
            written++;
        }

        json.WriteEndArray();
        return written;
    }

    private static void Statuses(Utf8JsonWriter json, string name,
        IReadOnlyList<AllureStatus> statuses)
    {
        json.WriteStartArray(name);
        foreach (var status in statuses)
        {
            json.WriteStringValue(AllureJson.StatusText(status));
        }

        json.WriteEndArray();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
