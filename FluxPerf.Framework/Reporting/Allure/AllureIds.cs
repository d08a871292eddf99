using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FluxPerf.Reporting.Allure;

/// <summary>
/// The ids that let Allure line up a test across runs. <c>testCaseId</c> depends on the full
/// name only; <c>historyId</c> also on every parameter not marked excluded, so a run of the same
/// stage at another concurrency is a different history line, while a new run id or seed is not.
/// </summary>
internal static class AllureIds
{
    /// <summary>The test case id: a hash of the full name.</summary>
    public static string TestCaseId(string fullName) => Hash(fullName);

    /// <summary>The history id: the test case id and the non-excluded parameters, in name order
    /// so that the order they were added in does not matter.</summary>
    public static string HistoryId(string fullName, IEnumerable<AllureParameter> parameters)
    {
        var text = new StringBuilder(TestCaseId(fullName));
        var included = parameters
            .Where(p => !p.Excluded)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        foreach (var parameter in included)
        {
            // Lengths before each part make ("a=b", "c") and ("a", "b=c") hash differently.
            text.Append(CultureInfo.InvariantCulture,
                $"\n{parameter.Name.Length}:{parameter.Name}"
                + $"{parameter.Value.Length}:{parameter.Value}");
        }

        return Hash(text.ToString());
    }

    // SHA-256 cut to 128 bits gives the 32 hex characters Allure's own adapters produce, without
    // MD5 (which analyzers flag). Only stability matters here, not secrecy.
    private static string Hash(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }
}
