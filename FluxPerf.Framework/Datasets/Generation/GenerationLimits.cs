using System.Globalization;

namespace FluxPerf.Datasets.Generation;

/// <summary>Collects every out-of-range generator setting, then reports them all at once.</summary>
internal sealed class GenerationLimits
{
    // Expected reuse compares each request with every earlier one, and all text is held in
    // memory; these caps keep a typo (an extra zero) from running for minutes or exhausting RAM.
    public const int MaxRequests = 10_000;
    public const long MaxTotalTokens = 20_000_000;

    private readonly List<string> _problems = [];

    public GenerationLimits AtLeast(string option, long value, long minimum)
    {
        if (value < minimum)
        {
            _problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{option} '{value}' must be at least {minimum}"));
        }

        return this;
    }

    public GenerationLimits AtMost(string what, long value, long maximum)
    {
        if (value > maximum)
        {
            _problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{what} would be {value}, more than the limit of {maximum}; use smaller numbers"));
        }

        return this;
    }

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new DatasetException(string.Join("; ", _problems));
        }
    }

    public bool HasProblems => _problems.Count > 0;
}
