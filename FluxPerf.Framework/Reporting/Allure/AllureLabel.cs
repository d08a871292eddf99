namespace FluxPerf.Reporting.Allure;

/// <summary>A label of a test case; Allure groups, filters and names tests by them.</summary>
/// <param name="Name">Label name, e.g. <see cref="Suite"/>.</param>
/// <param name="Value">Label value.</param>
public sealed record AllureLabel(string Name, string Value)
{
    /// <summary>Top level of the Suites tree (FluxPerf: the recipe).</summary>
    public const string ParentSuite = "parentSuite";

    /// <summary>Second level of the Suites tree (FluxPerf: the stage).</summary>
    public const string Suite = "suite";

    /// <summary>Third level of the Suites tree (FluxPerf: the concurrency level).</summary>
    public const string SubSuite = "subSuite";

    /// <summary>Behaviors tree, upper level.</summary>
    public const string Feature = "feature";

    /// <summary>Behaviors tree, lower level.</summary>
    public const string Story = "story";

    /// <summary>A free tag; a test may have many.</summary>
    public const string Tag = "tag";

    /// <summary>
    /// <c>blocker</c>, <c>critical</c>, <c>normal</c>, <c>minor</c> or <c>trivial</c>.
    /// </summary>
    public const string Severity = "severity";

    /// <summary>The machine that ran the test.</summary>
    public const string Host = "host";

    /// <summary>The thread that ran the test (timeline lanes).</summary>
    public const string Thread = "thread";

    /// <summary>The test framework.</summary>
    public const string Framework = "framework";

    /// <summary>The programming language.</summary>
    public const string Language = "language";

    /// <summary>Packages tree.</summary>
    public const string Package = "package";

    /// <summary>The test's class.</summary>
    public const string TestClass = "testClass";

    /// <summary>The test's method.</summary>
    public const string TestMethod = "testMethod";
}
