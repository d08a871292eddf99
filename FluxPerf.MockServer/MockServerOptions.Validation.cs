using System.Collections;
using System.Globalization;
using System.Net;

namespace FluxPerf.MockServer;

public sealed partial class MockServerOptions
{
    /// <summary>
    /// Every problem of these options at once, one sentence each quoting the value and the
    /// allowed range; empty when the server can start.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();

        ValidateListener(problems);
        ValidateCache(problems);
        ValidateLatency(problems);
        ValidateFaults(problems);
        return problems;
    }

    /// <summary>
    /// Options read from <c>FLUXPERF_MOCK_*</c> environment variables (for example
    /// <c>FLUXPERF_MOCK_ITL_MS=2.5</c>) over <paramref name="baseline"/> (default: the defaults).
    /// Unset or empty variables keep the baseline's value. Throws an
    /// <see cref="ArgumentException"/> naming every variable whose value does not parse.
    /// </summary>
    /// <param name="baseline">Values for the variables that are not set; not modified.</param>
    /// <param name="env">The variables to read; default the process environment.</param>
    public static MockServerOptions FromEnvironment(
        MockServerOptions? baseline = null,
        IDictionary? env = null)
    {
        var options = (baseline ?? new MockServerOptions()).Clone();
        var variables = env ?? Environment.GetEnvironmentVariables();
        var problems = new List<string>();

        foreach (var spec in MockOptionSpecs.All)
        {
            if (variables[spec.EnvironmentVariable] is not string text || text.Length == 0)
            {
                continue;
            }

            if (spec.Apply(options, text.Trim()) is { } problem)
            {
                problems.Add($"{spec.EnvironmentVariable}: {problem}; expected {spec.ValueHint}");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(env));
        }

        return options;
    }

    private void ValidateListener(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(Host)
            || (Host != "localhost" && !IPAddress.TryParse(Host, out _)))
        {
            problems.Add($"Host \"{Host}\" is not an IP address or localhost; "
                + "use e.g. 127.0.0.1");
        }

        RequireRange(problems, nameof(Port), Port, 0, 65535, "0 picks a free port");
        if (string.IsNullOrWhiteSpace(ModelName))
        {
            problems.Add($"ModelName \"{ModelName}\" is empty; give the name clients send "
                + "as \"model\", e.g. fluxperf-mock");
        }

        // The key itself is a secret: say what is wrong without echoing it.
        if (ApiKey is not null && string.IsNullOrWhiteSpace(ApiKey))
        {
            problems.Add("ApiKey is set but blank; leave it unset (null) to disable "
                + "authentication, or give a non-blank key");
        }
    }

    private void ValidateCache(List<string> problems)
    {
        RequireRange(problems, nameof(BlockSize), BlockSize, 1, 4096, "vLLM uses 16");
        RequireRange(problems, nameof(CacheCapacityBlocks), CacheCapacityBlocks, 1,
            100_000_000, "blocks of BlockSize tokens");
        RequireRange(problems, nameof(MaxNumSeqs), MaxNumSeqs, 1, 1_000_000,
            "requests running at once");
        RequireRange(problems, nameof(DefaultMaxTokens), DefaultMaxTokens, 1, 1_000_000,
            "completion tokens");
        RequireRange(problems, nameof(TokensPerEvent), TokensPerEvent, 1, 4096,
            "tokens per streamed event");
    }

    private void ValidateLatency(List<string> problems)
    {
        RequireMilliseconds(problems, nameof(BaseTtftMs), BaseTtftMs);
        RequireMilliseconds(problems, nameof(PrefillMsPerToken), PrefillMsPerToken);
        RequireMilliseconds(problems, nameof(ItlMs), ItlMs);
        RequireMilliseconds(problems, nameof(StallBeforeFirstTokenMs), StallBeforeFirstTokenMs);
        if (!(JitterFraction >= 0 && JitterFraction < 1))
        {
            problems.Add($"JitterFraction {Format(JitterFraction)} is outside [0, 1); "
                + "0.1 means every delay varies by up to ±10%");
        }
    }

    private void ValidateFaults(List<string> problems)
    {
        RequireShare(problems, nameof(ErrorRate), ErrorRate);
        RequireShare(problems, nameof(MidStreamErrorRate), MidStreamErrorRate);
        RequireShare(problems, nameof(DropConnectionRate), DropConnectionRate);
        RequireRange(problems, nameof(ErrorStatus), ErrorStatus, 400, 599,
            "an HTTP error status such as 500 or 503");
    }

    private static void RequireRange(
        List<string> problems,
        string name,
        int value,
        int min,
        int max,
        string hint)
    {
        if (value < min || value > max)
        {
            problems.Add($"{name} {value.ToString(CultureInfo.InvariantCulture)} is outside "
                + $"[{min.ToString(CultureInfo.InvariantCulture)}, "
                + $"{max.ToString(CultureInfo.InvariantCulture)}] ({hint})");
        }
    }

    private static void RequireMilliseconds(List<string> problems, string name, double value)
    {
        const double OneHourMs = 3_600_000;
        if (!(value >= 0 && value <= OneHourMs))
        {
            problems.Add($"{name} {Format(value)} is outside [0, 3600000] milliseconds");
        }
    }

    private static void RequireShare(List<string> problems, string name, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            problems.Add($"{name} {Format(value)} is outside [0, 1]; "
                + "it is the share of requests, e.g. 0.05 for 5%");
        }
    }

    private static string Format(double value)
    {
        return value.ToString(CultureInfo.InvariantCulture);
    }
}
