namespace FluxPerf.Reporting.Allure;

/// <summary>
/// A set-up/tear-down container (<c>{uuid}-container.json</c>): fixtures that ran before or
/// after its child tests, such as a cache reset or a server warm-up. Allure ignores a container
/// with no children. Fixtures are flat: they have no sub-steps or attachments.
/// </summary>
public sealed class AllureContainer
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<string> _children = [];
    private readonly List<AllureStep> _befores = [];
    private readonly List<AllureStep> _afters = [];

    internal AllureContainer(string name, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _time = time;
        Uuid = Guid.NewGuid().ToString();
        Start = time.GetUtcNow().ToUnixTimeMilliseconds();
    }

    /// <summary>The container's unique id.</summary>
    public string Uuid { get; }

    /// <summary>The container's name.</summary>
    public string Name { get; }

    /// <summary>When the container was created, epoch ms.</summary>
    public long Start { get; }

    /// <summary>The uuids of the tests the fixtures belong to.</summary>
    public IReadOnlyList<string> Children => Snapshot(_children);

    /// <summary>Set-up fixtures, in order.</summary>
    public IReadOnlyList<AllureStep> Befores => Snapshot(_befores);

    /// <summary>Tear-down fixtures, in order.</summary>
    public IReadOnlyList<AllureStep> Afters => Snapshot(_afters);

    /// <summary>Makes a test one of the container's children.</summary>
    public AllureContainer AddChild(AllureTestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        lock (_gate)
        {
            _children.Add(testCase.Uuid);
        }

        return this;
    }

    /// <summary>Starts a set-up fixture; dispose it to stop it.</summary>
    public AllureStep StartBefore(string name) => Add(_befores, name);

    /// <summary>Starts a tear-down fixture; dispose it to stop it.</summary>
    public AllureStep StartAfter(string name) => Add(_afters, name);

    private AllureStep Add(List<AllureStep> list, string name)
    {
        var fixture = new AllureStep(name, null, _time);
        lock (_gate)
        {
            list.Add(fixture);
        }

        return fixture;
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> items)
    {
        lock (_gate)
        {
            return [.. items];
        }
    }
}
