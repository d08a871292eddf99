using System.Globalization;
using System.Text;

namespace FluxPerf.Reporting.Allure;

public sealed partial class AllureResultsWriter
{
    /// <summary>
    /// Writes <c>environment.properties</c> (the report's Environment widget), replacing any
    /// earlier one. Keys that look like credentials are refused.
    /// </summary>
    /// <exception cref="ArgumentException">A key looks like a key, token or secret.</exception>
    public Task WriteEnvironmentAsync(
        IEnumerable<KeyValuePair<string, string>> properties,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var text = new StringBuilder();
        foreach (var (key, value) in properties)
        {
            if (SecretNames.IsSecret(key))
            {
                throw new ArgumentException(
                    $"environment property \"{key}\" looks like a credential; it is never " +
                    "written to Allure results: leave it out", nameof(properties));
            }

            text.Append(PropertiesText(key, isKey: true)).Append('=')
                .Append(PropertiesText(value, isKey: false)).Append('\n');
        }

        return WriteFileAsync("environment.properties", Encoding.ASCII.GetBytes(text.ToString()),
            cancellationToken);
    }

    /// <summary>Writes <c>executor.json</c> for the given CI build, or for the one detected
    /// from environment variables; writes nothing outside CI.</summary>
    /// <returns>True when the file was written.</returns>
    public async Task<bool> WriteExecutorAsync(
        AllureExecutor? executor,
        CancellationToken cancellationToken)
    {
        executor ??= AllureExecutor.FromEnvironment();
        if (executor is null)
        {
            return false;
        }

        await WriteJsonAsync("executor.json", json => AllureRunFiles.Executor(json, executor),
            cancellationToken);
        return true;
    }

    /// <summary>Writes FluxPerf's <see cref="AllureCategory.Defaults"/>; see
    /// <see cref="WriteCategoriesAsync(IReadOnlyList{AllureCategory}, string,
    /// CancellationToken)"/>.
    /// </summary>
    public Task WriteCategoriesAsync(CancellationToken cancellationToken) =>
        WriteCategoriesAsync(AllureCategory.Defaults, "FluxPerf", cancellationToken);

    /// <summary>Writes <c>categories.json</c> (read by Allure 2) and <c>allurerc.json</c>
    /// (Allure 3 ignores categories.json and reads them from its config) with the same
    /// categories.</summary>
    /// <param name="categories">The categories, first match wins.</param>
    /// <param name="reportName">The report's title in Allure 3.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public async Task WriteCategoriesAsync(
        IReadOnlyList<AllureCategory> categories,
        string reportName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(categories);
        await WriteJsonAsync("categories.json",
            json => AllureRunFiles.Categories(json, categories), cancellationToken);
        await WriteJsonAsync(Allure3ConfigFileName,
            json => AllureRunFiles.Allure3Config(json, reportName, categories), cancellationToken);
    }

    /// <summary>
    /// Writes the metric samples as <c>{uuid}-perf.json</c> for Allure 3's trends.
    /// </summary>
    /// <returns>The file's name, or null when no sample had a finite value.</returns>
    public async Task<string?> WriteMetricsAsync(
        IEnumerable<AllureMetric> metrics,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var written = 0;
        var bytes = AllureJson.Write(json => written = AllureRunFiles.Metrics(json, metrics));
        if (written == 0)
        {
            return null;
        }

        var fileName = $"{Guid.NewGuid()}-perf.json";
        await WriteFileAsync(fileName, bytes, cancellationToken);
        return fileName;
    }

    // Java .properties escaping, ASCII only (\uXXXX beyond), which Allure 2 (Java) and Allure 3
    // (its own parser) both decode.
    private static string PropertiesText(string text, bool isKey)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            escaped.Append(c switch
            {
                '\\' => @"\\",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '=' or ':' or '#' or '!' => $"\\{c}",
                ' ' when isKey || i == 0 => @"\ ",
                _ when c < 0x20 || c > 0x7e =>
                    $"\\u{((int)c).ToString("x4", CultureInfo.InvariantCulture)}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
