using System.Text.Json;

namespace FluxPerf.Reporting.Allure;

/// <summary>
/// Writes Allure results into one folder (created if missing), without any test framework:
/// <c>{uuid}-result.json</c>, <c>{uuid}-container.json</c>, <c>{uuid}-attachment.{ext}</c>,
/// <c>{uuid}-perf.json</c>, <c>environment.properties</c>, <c>executor.json</c>,
/// <c>categories.json</c> and Allure 3's <c>allurerc.json</c>. Every file goes through a
/// temporary sibling and a rename, and every per-test file has its own uuid, so tests running
/// in parallel may share one writer.
/// </summary>
public sealed partial class AllureResultsWriter
{
    /// <summary>Allure 3's static config file, written beside the results; pass it to
    /// <c>allure generate --config</c>.</summary>
    public const string Allure3ConfigFileName = "allurerc.json";

    /// <summary>Opens (and creates) the results folder.</summary>
    /// <param name="folder">The <c>allure-results</c> folder.</param>
    /// <param name="time">Source of the epoch-millisecond stamps; the system clock by
    /// default.</param>
    public AllureResultsWriter(string folder, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        Time = time ?? TimeProvider.System;
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The results folder (absolute).</summary>
    public string Folder { get; }

    internal TimeProvider Time { get; }

    /// <summary>Starts a test case; its start time is now.</summary>
    /// <param name="name">Title shown in the report.</param>
    /// <param name="fullName">Unique, stable name; the history id derives from it.</param>
    public AllureTestCase StartTestCase(string name, string fullName) => new(this, name, fullName);

    /// <summary>Starts a set-up/tear-down container.</summary>
    public AllureContainer StartContainer(string name) => new(name, Time);

    /// <summary>Writes <c>{uuid}-container.json</c>; its stop time is now.</summary>
    public Task WriteContainerAsync(AllureContainer container, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        var stop = Time.GetUtcNow().ToUnixTimeMilliseconds();
        var bytes = AllureJson.Write(json => AllureJson.Container(json, container, stop));
        return WriteFileAsync($"{container.Uuid}-container.json", bytes, cancellationToken);
    }

    internal Task WriteResultAsync(AllureTestCase testCase, CancellationToken cancellationToken)
    {
        testCase.CloseOpenSteps();
        if (testCase.Stop is null)
        {
            testCase.Finish(testCase.Status, testCase.Message, testCase.Trace);
        }

        var bytes = AllureJson.Write(json => AllureJson.Result(json, testCase));
        return WriteFileAsync($"{testCase.Uuid}-result.json", bytes, cancellationToken);
    }

    internal async Task<string> WriteAttachmentFileAsync(
        string extension,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(extension) || !extension.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException(
                $"attachment extension \"{extension}\" must be letters and digits only, " +
                "without the dot (e.g. \"csv\")", nameof(extension));
        }

        var source = $"{Guid.NewGuid()}-attachment.{extension}";
        await WriteFileAsync(source, content, cancellationToken);
        return source;
    }

    private Task WriteFileAsync(
        string fileName,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return AtomicFile.WriteAsync(Path.Combine(Folder, fileName),
            stream => stream.WriteAsync(content, cancellationToken).AsTask());
    }

    private Task WriteJsonAsync(
        string fileName,
        Action<Utf8JsonWriter> body,
        CancellationToken cancellationToken) =>
        WriteFileAsync(fileName, AllureJson.Write(body), cancellationToken);
}
