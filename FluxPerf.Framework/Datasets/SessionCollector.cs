using System.Text.Json;

namespace FluxPerf.Datasets;

/// <summary>Turns the entries of one file into sessions, counting what it leaves out.</summary>
internal sealed class SessionCollector(string path)
{
    private const int ReasonsInError = 3;

    private readonly List<Session> _sessions = [];
    private readonly List<SkippedEntry> _skipped = [];
    private readonly Dictionary<EntryShape, int> _shapes = [];
    private readonly SessionIdAllocator _ids = new();
    private int _nextIndex;

    public void Add(JsonElement entry, string shortLocation, string fullLocation)
    {
        var sourceIndex = _nextIndex++;
        if (!EntryParser.TryParse(entry, fullLocation, out var parsed, out var reason))
        {
            _skipped.Add(new SkippedEntry(shortLocation, reason));
            return;
        }

        var id = _ids.Allocate(parsed.Id ?? $"s{sourceIndex}");
        _sessions.Add(new Session(
            id,
            parsed.SystemPrompt,
            parsed.UserMessages,
            parsed.AssistantReplies,
            parsed.MaxTokens,
            sourceIndex));
        _shapes[parsed.Shape] = _shapes.GetValueOrDefault(parsed.Shape) + 1;
    }

    public DatasetLoadResult Finish(DatasetFormat format)
    {
        if (_nextIndex == 0)
        {
            throw new DatasetException(
                $"{path}: the dataset has no entries; expected at least one entry such as "
                + EntryParser.AcceptedShapes);
        }

        if (_sessions.Count == 0)
        {
            var reasons = string.Join("; ", _skipped.Take(ReasonsInError));
            throw new DatasetException(
                $"{path}: none of its {_skipped.Count} entries has usable user text ({reasons})");
        }

        return new DatasetLoadResult(path, format, _sessions, _skipped, _shapes);
    }
}
