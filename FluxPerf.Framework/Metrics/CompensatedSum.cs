namespace FluxPerf.Metrics;

/// <summary>
/// A running sum with Neumaier compensation: with millions of ITL samples a plain running sum
/// loses the last digits that numpy's pairwise sum keeps.
/// </summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    public readonly double Total => _sum + _compensation;

    public void Add(double value)
    {
        var next = _sum + value;
        _compensation += Math.Abs(_sum) >= Math.Abs(value)
            ? (_sum - next) + value
            : (value - next) + _sum;
        _sum = next;
    }
}
