using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace FluxPerf.Benchmarks;

/// <summary>
/// The runtime's allocation ticks (one event per ~100 KB allocated, naming the type that
/// crossed the mark), summed by type: a sampled picture of what a level allocates, enough to
/// find a per-token allocation without an external profiler. Enabled by <c>--alloc-profile</c>
/// only, because listening costs CPU that would be charged to the client.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int GcKeyword = 0x1;
    private const int AllocationTickEvent = 10;

    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Type, long Bytes)> Top(int count) =>
        [.. _bytesByType.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value))];

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTickEvent || eventData.Payload is null)
        {
            return;
        }

        var names = eventData.PayloadNames!; // set whenever Payload is
        var type = eventData.Payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(eventData.Payload[names.IndexOf("AllocationAmount64")],
            System.Globalization.CultureInfo.InvariantCulture);
        _bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
