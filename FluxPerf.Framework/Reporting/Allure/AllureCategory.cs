namespace FluxPerf.Reporting.Allure;

/// <summary>
/// A defect category: tests whose status is one of <paramref name="Statuses"/> and whose message
/// matches <paramref name="MessagePattern"/> are grouped under <paramref name="Name"/>. The
/// first matching category wins.
/// </summary>
/// <param name="Name">The category's title.</param>
/// <param name="Statuses">Statuses it takes.</param>
/// <param name="MessagePattern">A regular expression over the whole message, written so that
/// Java's full match (Allure 2) and JavaScript's search (Allure 3) agree; null matches any.</param>
public sealed record AllureCategory(
    string Name,
    IReadOnlyList<AllureStatus> Statuses,
    string? MessagePattern)
{
    // [\s\S] rather than "." so a multi-line message matches in both engines, and no inline
    // flags such as (?i), which JavaScript's RegExp rejects.
    private const string Any = @"[\s\S]*";

    /// <summary>
    /// FluxPerf's categories: SLO breaches, server errors, FluxPerf's own errors.
    /// </summary>
    public static IReadOnlyList<AllureCategory> Defaults { get; } =
    [
        new("SLO breaches", [AllureStatus.Failed], $"{Any}SLO{Any}"),
        new("Server errors", [AllureStatus.Broken],
            $"{Any}(?:[Ss]erver|SERVER|HTTP|http){Any}"),
        new("FluxPerf errors", [AllureStatus.Broken], null),
    ];
}
