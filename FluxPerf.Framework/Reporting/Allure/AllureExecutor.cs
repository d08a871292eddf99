namespace FluxPerf.Reporting.Allure;

/// <summary>
/// The CI build that produced the results (<c>executor.json</c>), shown on the report's
/// overview and used to link history entries to builds.
/// </summary>
/// <param name="Name">CI system name, e.g. <c>GitHub Actions</c>.</param>
/// <param name="Type">CI type as Allure knows it: <c>github</c>, <c>gitlab</c>,
/// <c>jenkins</c>.</param>
/// <param name="BuildName">The build's name, e.g. <c>perf #42</c>.</param>
/// <param name="BuildUrl">Link to the build, when known.</param>
/// <param name="BuildOrder">A number that grows with every build, when known.</param>
public sealed record AllureExecutor(
    string Name,
    string Type,
    string? BuildName,
    string? BuildUrl,
    long? BuildOrder)
{
    /// <summary>Reads the CI's environment variables; null when no CI is detected.</summary>
    /// <param name="variable">Reads one environment variable (the process's by default).</param>
    public static AllureExecutor? FromEnvironment(Func<string, string?>? variable = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        return GitHub(variable) ?? GitLab(variable) ?? Jenkins(variable) ?? Generic(variable);
    }

    private static AllureExecutor? GitHub(Func<string, string?> v)
    {
        if (!IsSet(v("GITHUB_ACTIONS")))
        {
            return null;
        }

        var url = v("GITHUB_SERVER_URL") is { } server && v("GITHUB_REPOSITORY") is { } repo
            && v("GITHUB_RUN_ID") is { } run
            ? $"{server}/{repo}/actions/runs/{run}"
            : null;
        return new("GitHub Actions", "github", Join(v("GITHUB_WORKFLOW"), v("GITHUB_RUN_NUMBER")),
            url, Order(v("GITHUB_RUN_NUMBER")));
    }

    private static AllureExecutor? GitLab(Func<string, string?> v) =>
        IsSet(v("GITLAB_CI"))
            ? new("GitLab CI", "gitlab", Join(v("CI_JOB_NAME"), v("CI_PIPELINE_ID")),
                v("CI_JOB_URL") ?? v("CI_PIPELINE_URL"), Order(v("CI_PIPELINE_IID")))
            : null;

    private static AllureExecutor? Jenkins(Func<string, string?> v) =>
        IsSet(v("JENKINS_URL"))
            ? new("Jenkins", "jenkins", Join(v("JOB_NAME"), v("BUILD_NUMBER")), v("BUILD_URL"),
                Order(v("BUILD_NUMBER")))
            : null;

    private static AllureExecutor? Generic(Func<string, string?> v) =>
        IsSet(v("CI")) || IsSet(v("BUILD_NUMBER"))
            ? new("CI", "ci", Join("build", v("BUILD_NUMBER")), v("BUILD_URL"),
                Order(v("BUILD_NUMBER")))
            : null;

    private static bool IsSet(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && !value.Equals("false", StringComparison.OrdinalIgnoreCase)
        && value != "0";

    private static string? Join(string? name, string? number) =>
        (name, number) switch
        {
            (null, null) => null,
            (_, null) => name,
            (null, _) => $"#{number}",
            _ => $"{name} #{number}",
        };

    private static long? Order(string? number) =>
        long.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
}
