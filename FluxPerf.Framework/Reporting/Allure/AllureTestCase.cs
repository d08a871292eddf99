using System.Globalization;

namespace FluxPerf.Reporting.Allure;

/// <summary>
/// One Allure test case being built: name, ids, status, labels, parameters, steps and
/// attachments. Create it with <see cref="AllureResultsWriter.StartTestCase"/>, fill it, then
/// <see cref="WriteAsync"/> it. Its methods may be called from several threads; steps nest in
/// the order they are started, so start and stop them from one logical flow.
/// </summary>
public sealed partial class AllureTestCase
{
    private readonly AllureResultsWriter _writer;
    private readonly Lock _gate = new();
    private readonly List<AllureLabel> _labels = [];
    private readonly List<AllureParameter> _parameters = [];
    private readonly List<AllureLink> _links = [];
    private readonly List<AllureStep> _steps = [];
    private readonly List<AllureAttachment> _attachments = [];
    private readonly Stack<AllureStep> _open = new();

    internal AllureTestCase(AllureResultsWriter writer, string name, string fullName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        _writer = writer;
        Name = name;
        FullName = fullName;
        Uuid = Guid.NewGuid().ToString();
        Start = Now();
        AddDefaultLabels();
    }

    /// <summary>The result's unique id; also the prefix of its file name.</summary>
    public string Uuid { get; }

    /// <summary>The title shown in the report.</summary>
    public string Name { get; }

    /// <summary>The unique, stable name of the test (e.g. <c>recipe.stage.c8</c>).</summary>
    public string FullName { get; }

    /// <summary>Markdown text shown above the steps.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// The outcome; <see cref="AllureStatus.Passed"/> until <see cref="Finish"/>.
    /// </summary>
    public AllureStatus Status { get; private set; } = AllureStatus.Passed;

    /// <summary>Why the test failed or broke.</summary>
    public string? Message { get; private set; }

    /// <summary>Details of the failure.</summary>
    public string? Trace { get; private set; }

    /// <summary>
    /// When the test started, epoch ms; set to creation time, may be moved earlier.
    /// </summary>
    public long Start { get; set; }

    /// <summary>When the test stopped, epoch ms; null until <see cref="Finish"/>.</summary>
    public long? Stop { get; private set; }

    /// <summary>Hash of <see cref="FullName"/>: the same test in every run.</summary>
    public string TestCaseId => AllureIds.TestCaseId(FullName);

    /// <summary>Hash of the full name and every non-excluded parameter: one history line.</summary>
    public string HistoryId => AllureIds.HistoryId(FullName, Parameters);

    /// <summary>The labels so far.</summary>
    public IReadOnlyList<AllureLabel> Labels => Snapshot(_labels);

    /// <summary>The parameters so far.</summary>
    public IReadOnlyList<AllureParameter> Parameters => Snapshot(_parameters);

    /// <summary>The links so far.</summary>
    public IReadOnlyList<AllureLink> Links => Snapshot(_links);

    /// <summary>The top-level steps so far.</summary>
    public IReadOnlyList<AllureStep> Steps => Snapshot(_steps);

    /// <summary>The files attached to the test itself (not to a step).</summary>
    public IReadOnlyList<AllureAttachment> Attachments => Snapshot(_attachments);

    /// <summary>Adds a label; several labels may share a name (tags).</summary>
    public AllureTestCase AddLabel(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            _labels.Add(new AllureLabel(name, value));
        }

        return this;
    }

    /// <summary>Sets a label, replacing every earlier label of that name.</summary>
    public AllureTestCase SetLabel(string name, string value)
    {
        lock (_gate)
        {
            _labels.RemoveAll(l => l.Name == name);
        }

        return AddLabel(name, value);
    }

    /// <summary>Adds a tag label.</summary>
    public AllureTestCase AddTag(string tag) => AddLabel(AllureLabel.Tag, tag);

    /// <summary>Adds a link.</summary>
    public AllureTestCase AddLink(string name, string url, string type = "link")
    {
        lock (_gate)
        {
            _links.Add(new AllureLink(name, url, type));
        }

        return this;
    }

    /// <summary>
    /// Adds a parameter. Names that look like credentials (<c>api_key</c>, <c>token</c>,
    /// <c>secret</c>, <c>password</c> …) are refused: masking would still write the value into
    /// the result file, so such a value must never reach here.
    /// </summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="value">Its value as text.</param>
    /// <param name="excluded">True for values that change every run (run id, seed), so that they
    /// do not split the history.</param>
    /// <param name="mode">How the report shows the value.</param>
    /// <exception cref="ArgumentException">The name looks like a credential.</exception>
    public AllureTestCase AddParameter(
        string name,
        string value,
        bool excluded = false,
        AllureParameterMode mode = AllureParameterMode.Default)
    {
        var parameter = CheckedParameter(name, value, excluded, mode);
        lock (_gate)
        {
            _parameters.RemoveAll(p => p.Name == name);
            _parameters.Add(parameter);
        }

        return this;
    }

    /// <summary>Adds a parameter whose value is formatted in the invariant culture.</summary>
    public AllureTestCase AddParameter(string name, IFormattable value, bool excluded = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        return AddParameter(name, value.ToString(null, CultureInfo.InvariantCulture), excluded);
    }

    /// <summary>Sets the outcome and the stop time (now, unless given).</summary>
    public void Finish(
        AllureStatus status,
        string? message = null,
        string? trace = null,
        long? stopMs = null)
    {
        lock (_gate)
        {
            Status = status;
            Message = message;
            Trace = trace;
            Stop = stopMs ?? Now();
        }
    }

    /// <summary>Writes <c>{uuid}-result.json</c>; finishes the test as passed if not finished
    /// and breaks any step still open.</summary>
    public Task WriteAsync(CancellationToken cancellationToken) =>
        _writer.WriteResultAsync(this, cancellationToken);

    internal static AllureParameter CheckedParameter(
        string name,
        string value,
        bool excluded,
        AllureParameterMode mode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (SecretNames.IsSecret(name))
        {
            throw new ArgumentException(
                $"parameter \"{name}\" looks like a credential; Allure result files are shared " +
                "and masking does not remove the value, so keys, tokens and secrets are never " +
                "written: leave this parameter out",
                nameof(name));
        }

        return new AllureParameter(name, value, excluded, mode);
    }

    internal long Now() => _writer.Time.GetUtcNow().ToUnixTimeMilliseconds();

    private IReadOnlyList<T> Snapshot<T>(List<T> items)
    {
        lock (_gate)
        {
            return [.. items];
        }
    }

    private void AddDefaultLabels()
    {
        _labels.Add(new AllureLabel(AllureLabel.Host, Environment.MachineName));
        _labels.Add(new AllureLabel(AllureLabel.Thread,
            $"{Environment.ProcessId}-{Environment.CurrentManagedThreadId}"));
        _labels.Add(new AllureLabel(AllureLabel.Framework, "FluxPerf"));
        _labels.Add(new AllureLabel(AllureLabel.Language, "csharp"));
    }
}
