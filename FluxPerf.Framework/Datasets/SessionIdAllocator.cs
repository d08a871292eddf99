namespace FluxPerf.Datasets;

/// <summary>
/// Makes session ids unique in file order: the second "a" becomes "a#2", the third "a#3".
/// Ids pair a round-2 request with its round-1 twin, so a duplicate would mix two sessions.
/// </summary>
internal sealed class SessionIdAllocator
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public string Allocate(string wanted)
    {
        if (_taken.Add(wanted))
        {
            return wanted;
        }

        // A suffixed id may itself be taken by a later literal id ("a#2" in the file); the loop
        // keeps counting, and the literal one gets its own suffix when it arrives.
        for (var n = 2; ; n++)
        {
            var candidate = $"{wanted}#{n}";
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
