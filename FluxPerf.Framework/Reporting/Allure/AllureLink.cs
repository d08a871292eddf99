namespace FluxPerf.Reporting.Allure;

/// <summary>A link shown on a test case.</summary>
/// <param name="Name">The link's text.</param>
/// <param name="Url">Where it points.</param>
/// <param name="Type"><c>link</c>, <c>issue</c> or <c>tms</c>.</param>
public sealed record AllureLink(string Name, string Url, string Type = "link");
