namespace FluxPerf.Reporting.Allure;

/// <summary>
/// A step of a test case (or a set-up/tear-down fixture): its own name, times, status,
/// parameters, attachments and sub-steps. Disposing an open step stops it with its
/// <see cref="Status"/>, so <c>using var step = testCase.StartStep("…")</c> closes it on every
/// path; call <see cref="Fail"/> first to record why it went wrong.
/// </summary>
public sealed class AllureStep : IDisposable
{
    private readonly AllureTestCase? _owner;
    private readonly TimeProvider _time;
    private readonly List<AllureStep> _steps = [];
    private readonly List<AllureAttachment> _attachments = [];
    private readonly List<AllureParameter> _parameters = [];

    internal AllureStep(string name, AllureTestCase? owner, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _owner = owner;
        _time = time;
        Start = time.GetUtcNow().ToUnixTimeMilliseconds();
    }

    /// <summary>The step's title.</summary>
    public string Name { get; }

    /// <summary>The outcome; <see cref="AllureStatus.Passed"/> until set otherwise.</summary>
    public AllureStatus Status { get; set; } = AllureStatus.Passed;

    /// <summary>Why the step failed, if it did.</summary>
    public string? Message { get; private set; }

    /// <summary>Details of the failure (a stack trace or the server's answer).</summary>
    public string? Trace { get; private set; }

    /// <summary>When the step started, epoch ms.</summary>
    public long Start { get; internal set; }

    /// <summary>When the step stopped, epoch ms; null while it is open.</summary>
    public long? Stop { get; private set; }

    /// <summary>Sub-steps, in order.</summary>
    public IReadOnlyList<AllureStep> Steps => _steps;

    /// <summary>Files attached to this step.</summary>
    public IReadOnlyList<AllureAttachment> Attachments => _attachments;

    /// <summary>The step's parameters.</summary>
    public IReadOnlyList<AllureParameter> Parameters => _parameters;

    /// <summary>Marks the step failed (or broken) with a message and optional details.</summary>
    public void Fail(
        string message,
        string? trace = null,
        AllureStatus status = AllureStatus.Failed)
    {
        Status = status;
        Message = message;
        Trace = trace;
    }

    /// <summary>Adds a parameter; names that look like credentials are refused.</summary>
    /// <exception cref="ArgumentException">The name looks like a key, token or secret.</exception>
    public AllureStep AddParameter(string name, string value)
    {
        _parameters.Add(AllureTestCase.CheckedParameter(name, value, false, default));
        return this;
    }

    /// <summary>
    /// Stops the step with its current status; does nothing when already stopped.
    /// </summary>
    public void Dispose()
    {
        if (Stop is not null)
        {
            return;
        }

        if (_owner is null)
        {
            Close(null);
        }
        else
        {
            _owner.StopStep(this);
        }
    }

    internal void Close(long? stop) =>
        Stop ??= stop ?? _time.GetUtcNow().ToUnixTimeMilliseconds();

    internal void AddStep(AllureStep step) => _steps.Add(step);

    internal void AddAttachment(AllureAttachment attachment) => _attachments.Add(attachment);
}
