namespace FluxPerf.Reporting.Allure;

/// <summary>How Allure shows a parameter's value.</summary>
public enum AllureParameterMode
{
    /// <summary>Shown as written.</summary>
    Default,

    /// <summary>Shown as asterisks; the value is still in the result file.</summary>
    Masked,

    /// <summary>Not shown at all; the value is still in the result file.</summary>
    Hidden,
}
