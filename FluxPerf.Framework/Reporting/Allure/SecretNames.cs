using System.Text.RegularExpressions;

namespace FluxPerf.Reporting.Allure;

/// <summary>
/// Recognises names that may carry credentials (<c>api_key</c>, <c>apiKey</c>, <c>X-Api-Key</c>,
/// <c>access_token</c>, <c>client_secret</c>, <c>password</c>). Names are split into words at
/// separators and case changes and compared word by word, so <c>prompt_tokens</c> and
/// <c>cached_tokens</c> (plural measurement fields) are not mistaken for a token.
/// </summary>
internal static partial class SecretNames
{
    private static readonly HashSet<string> _secretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "key", "apikey", "token", "secret", "password", "passwd", "authorization", "bearer",
        "credential", "credentials",
    };

    /// <summary>True when any word of <paramref name="name"/> names a credential.</summary>
    public static bool IsSecret(string name) =>
        Words(name).Any(_secretWords.Contains);

    private static IEnumerable<string> Words(string name) =>
        WordPattern().Matches(name).Select(m => m.Value);

    // A word is a run of letters starting with at most one capital (camelCase and PascalCase),
    // or a run of capitals not followed by a lower-case letter (SNAKE_CASE, "API" in "APIKey").
    [GeneratedRegex("[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")]
    private static partial Regex WordPattern();
}
