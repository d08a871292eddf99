namespace FluxPerf.Reporting.Allure;

/// <summary>A parameter of a test case or step.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Value">Parameter value as text.</param>
/// <param name="Excluded">True when the value must not change the history id (run id,
/// seed).</param>
/// <param name="Mode">How the report shows the value.</param>
public sealed record AllureParameter(
    string Name,
    string Value,
    bool Excluded = false,
    AllureParameterMode Mode = AllureParameterMode.Default);
