namespace FluxPerf.Reporting.Allure;

public sealed partial class AllureTestCase
{
    /// <summary>Opens a step inside the innermost open step (or the test); dispose it or call
    /// <see cref="StopStep(AllureStatus, string?)"/> to close it.</summary>
    public AllureStep StartStep(string name)
    {
        var step = new AllureStep(name, this, _writer.Time);
        lock (_gate)
        {
            AddToCurrent(step);
            _open.Push(step);
        }

        return step;
    }

    /// <summary>Closes the innermost open step with the given status.</summary>
    /// <exception cref="InvalidOperationException">No step is open.</exception>
    public void StopStep(AllureStatus status = AllureStatus.Passed, string? message = null)
    {
        lock (_gate)
        {
            if (!_open.TryPeek(out var step))
            {
                throw new InvalidOperationException(
                    $"test \"{FullName}\" has no open step to stop; call StartStep first");
            }

            step.Status = status;
            if (message is not null)
            {
                step.Fail(message, null, status);
            }

            CloseThrough(step);
        }
    }

    /// <summary>Records a step that already happened, with its own times (e.g. a cache reset
    /// whose moment the engine recorded).</summary>
    public AllureStep AddCompletedStep(
        string name,
        AllureStatus status,
        long startMs,
        long stopMs,
        string? message = null)
    {
        var step = new AllureStep(name, this, _writer.Time) { Start = startMs, Status = status };
        if (message is not null)
        {
            step.Fail(message, null, status);
        }

        step.Close(stopMs);
        lock (_gate)
        {
            AddToCurrent(step);
        }

        return step;
    }

    internal void StopStep(AllureStep step)
    {
        lock (_gate)
        {
            if (_open.Contains(step))
            {
                CloseThrough(step);
            }
            else
            {
                step.Close(null);
            }
        }
    }

    /// <summary>Breaks steps still open when the test is written: a step left open means the
    /// code that ran it did not get to its end.</summary>
    internal void CloseOpenSteps()
    {
        lock (_gate)
        {
            while (_open.TryPop(out var step))
            {
                step.Fail("step was still open when the test result was written", null,
                    AllureStatus.Broken);
                step.Close(null);
            }
        }
    }

    // Closing an outer step closes the inner ones it contains, as a using-scope would.
    private void CloseThrough(AllureStep step)
    {
        while (_open.TryPop(out var open))
        {
            open.Close(null);
            if (ReferenceEquals(open, step))
            {
                return;
            }
        }
    }

    private void AddToCurrent(AllureStep step)
    {
        if (_open.TryPeek(out var parent))
        {
            parent.AddStep(step);
        }
        else
        {
            _steps.Add(step);
        }
    }

    private void AddAttachmentToCurrent(AllureAttachment attachment)
    {
        lock (_gate)
        {
            if (_open.TryPeek(out var step))
            {
                step.AddAttachment(attachment);
            }
            else
            {
                _attachments.Add(attachment);
            }
        }
    }
}
