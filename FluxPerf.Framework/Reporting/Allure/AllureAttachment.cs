namespace FluxPerf.Reporting.Allure;

/// <summary>A file attached to a test case or step.</summary>
/// <param name="Name">The title shown in the report.</param>
/// <param name="Source">The file's name inside the results folder.</param>
/// <param name="Type">The MIME type, which decides how Allure renders it.</param>
public sealed record AllureAttachment(string Name, string Source, string Type);
