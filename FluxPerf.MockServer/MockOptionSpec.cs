using System.Globalization;

namespace FluxPerf.MockServer;

/// <summary>
/// One option as the command line and the environment spell it, so both parsers and the help
/// text come from a single table and cannot drift apart.
/// </summary>
internal sealed record MockOptionSpec(
    string Flag,
    string ValueHint,
    string Help,
    Func<MockServerOptions, string> Current,
    Func<MockServerOptions, string, string?> Apply)
{
    /// <summary>
    /// The environment variable, derived from the flag: --itl-ms → FLUXPERF_MOCK_ITL_MS.
    /// </summary>
    public string EnvironmentVariable { get; } =
        "FLUXPERF_MOCK_" + Flag.TrimStart('-').Replace('-', '_').ToUpperInvariant();

    /// <summary>Whether the option is a switch that may stand without a value.</summary>
    public bool IsSwitch => ValueHint == "true|false";

    public static MockOptionSpec ForInt(
        string flag,
        string help,
        Func<MockServerOptions, int> get,
        Action<MockServerOptions, int> set)
    {
        return new MockOptionSpec(flag, "<int>", help,
            o => get(o).ToString(CultureInfo.InvariantCulture),
            (o, text) =>
            {
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture,
                    out var value))
                {
                    return $"\"{text}\" is not a whole number";
                }

                set(o, value);
                return null;
            });
    }

    public static MockOptionSpec ForDouble(
        string flag,
        string help,
        Func<MockServerOptions, double> get,
        Action<MockServerOptions, double> set)
    {
        return new MockOptionSpec(flag, "<number>", help,
            o => get(o).ToString(CultureInfo.InvariantCulture),
            (o, text) =>
            {
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture,
                    out var value))
                {
                    return $"\"{text}\" is not a number (use a dot for decimals, e.g. 0.05)";
                }

                set(o, value);
                return null;
            });
    }

    public static MockOptionSpec ForBool(
        string flag,
        string help,
        Func<MockServerOptions, bool> get,
        Action<MockServerOptions, bool> set)
    {
        return new MockOptionSpec(flag, "true|false", help,
            o => get(o) ? "true" : "false",
            (o, text) =>
            {
                bool? value = text.Trim().ToUpperInvariant() switch
                {
                    "TRUE" or "1" or "YES" or "ON" => true,
                    "FALSE" or "0" or "NO" or "OFF" => false,
                    _ => null,
                };
                if (value is null)
                {
                    return $"\"{text}\" is not true or false";
                }

                set(o, value.Value);
                return null;
            });
    }

    public static MockOptionSpec ForString(
        string flag,
        string help,
        Func<MockServerOptions, string?> get,
        Action<MockServerOptions, string> set,
        bool isSecret = false)
    {
        return new MockOptionSpec(flag, "<text>", help,
            o => isSecret ? (get(o) is null ? "(none)" : "(set)") : get(o) ?? "(none)",
            (o, text) =>
            {
                set(o, text);
                return null;
            });
    }
}
