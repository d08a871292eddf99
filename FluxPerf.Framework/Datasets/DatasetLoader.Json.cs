using System.Text.Json;

namespace FluxPerf.Datasets;

/// <summary>Whole-document JSON files: an array, an object with "data", or one entry.</summary>
public static partial class DatasetLoader
{
    private static DatasetFormat ReadJson(string path, SessionCollector collector)
    {
        using var document = ParseDocument(path);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            AddArray(path, root, collector);
            return DatasetFormat.JsonArray;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DatasetException(
                $"{path}: the top-level JSON value is {EntryParser.Describe(root)}; "
                + ExpectedLayout);
        }

        if (root.TryGetProperty("data", out var data))
        {
            return AddDataArray(path, data, collector);
        }

        collector.Add(root, "the top-level object", $"{path}: the top-level object");
        return DatasetFormat.JsonSingleObject;
    }

    private static DatasetFormat AddDataArray(
        string path,
        JsonElement data,
        SessionCollector collector)
    {
        if (data.ValueKind != JsonValueKind.Array)
        {
            throw new DatasetException(
                $"{path}: \"data\" is {EntryParser.Describe(data)}; expected an array of entries");
        }

        AddArray(path, data, collector);
        return DatasetFormat.JsonDataObject;
    }

    private static void AddArray(string path, JsonElement array, SessionCollector collector)
    {
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            var location = $"entry [{index}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetException(
                    $"{path}: {location} is {EntryParser.Describe(entry)}; expected an entry "
                    + "object such as " + EntryParser.AcceptedShapes);
            }

            collector.Add(entry, location, $"{path}: {location}");
            index++;
        }
    }

    private static JsonDocument ParseDocument(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new DatasetException(
                $"{path}:{line}:{column}: not valid JSON ({ReasonOf(ex)}); {ExpectedLayout}",
                ex);
        }
    }
}
