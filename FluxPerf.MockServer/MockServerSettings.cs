namespace FluxPerf.MockServer;

/// <summary>
/// Mock options given as snake_case settings (a recipe's <c>mock_server:</c> section), on top of
/// the <c>FLUXPERF_MOCK_*</c> environment, so a stage's <c>env</c> can change the mock too.
/// </summary>
public static class MockServerSettings
{
    /// <summary>
    /// Builds options from the environment, then <paramref name="settings"/> (names like
    /// <c>prefill_ms_per_token</c>); false with one message per bad name or value.
    /// </summary>
    public static bool TryCreate(
        IReadOnlyDictionary<string, string> settings,
        out MockServerOptions options,
        out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        MockServerOptions baseline;
        try
        {
            baseline = MockServerOptions.FromEnvironment();
        }
        catch (ArgumentException e)
        {
            options = new MockServerOptions();
            errors = [e.Message];
            return false;
        }

        // A name that is no option would make the parser read its value as a stray argument;
        // name it here instead, with the names that are allowed.
        var known = MockOptionSpecs.All.Select(s => s.Flag[2..].Replace('-', '_')).ToArray();
        var unknown = settings.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal))
            .Select(k => $"mock_server: unknown option \"{k}\"; "
                + $"allowed: {string.Join(", ", known)}")
            .ToArray();
        if (unknown.Length > 0)
        {
            options = baseline;
            errors = unknown;
            return false;
        }

        var args = settings.SelectMany(p => new[] { "--" + p.Key.Replace('_', '-'), p.Value })
            .ToArray();
        var parsed = MockServerCommandLine.TryParse(args, baseline, out options, out var problems);
        var all = problems
            .Select(p => "mock_server: " + p.Replace("--", "", StringComparison.Ordinal))
            .Concat(parsed ? options.Validate().Select(p => "mock_server: " + p) : [])
            .ToArray();
        errors = all;
        return all.Length == 0;
    }
}
