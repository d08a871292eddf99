using System.Text;

namespace FluxPerf.Reporting.Allure;

public sealed partial class AllureTestCase
{
    /// <summary>
    /// Writes <c>{uuid}-attachment.{extension}</c> and attaches it to the innermost open step,
    /// or to the test when no step is open.
    /// </summary>
    /// <param name="name">The title shown in the report.</param>
    /// <param name="mimeType">The MIME type; Allure renders <c>text/csv</c> as a table,
    /// <c>application/json</c> highlighted and <c>image/png</c> inline.</param>
    /// <param name="extension">File extension without the dot, e.g. <c>csv</c>.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The attachment as recorded.</returns>
    public async Task<AllureAttachment> AttachAsync(
        string name,
        string mimeType,
        string extension,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);

        var source = await _writer.WriteAttachmentFileAsync(extension, content, cancellationToken);
        var attachment = new AllureAttachment(name, source, mimeType);
        AddAttachmentToCurrent(attachment);
        return attachment;
    }

    /// <summary>Attaches plain text (UTF-8).</summary>
    public Task<AllureAttachment> AttachTextAsync(
        string name,
        string text,
        CancellationToken cancellationToken) =>
        AttachAsync(name, "text/plain", "txt", Utf8(text), cancellationToken);

    /// <summary>Attaches CSV text (UTF-8, header first), which Allure renders as a table.</summary>
    public Task<AllureAttachment> AttachCsvAsync(
        string name,
        string csv,
        CancellationToken cancellationToken) =>
        AttachAsync(name, "text/csv", "csv", Utf8(csv), cancellationToken);

    /// <summary>Attaches a JSON document given as text.</summary>
    public Task<AllureAttachment> AttachJsonAsync(
        string name,
        string json,
        CancellationToken cancellationToken) =>
        AttachAsync(name, "application/json", "json", Utf8(json), cancellationToken);

    /// <summary>Attaches a PNG image.</summary>
    public Task<AllureAttachment> AttachPngAsync(
        string name,
        ReadOnlyMemory<byte> png,
        CancellationToken cancellationToken) =>
        AttachAsync(name, "image/png", "png", png, cancellationToken);

    private static byte[] Utf8(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encoding.UTF8.GetBytes(text);
    }
}
