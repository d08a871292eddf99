namespace FluxPerf.Datasets;

/// <summary>How the entries of a dataset file are laid out.</summary>
public enum DatasetFormat
{
    /// <summary>A JSON array of entries.</summary>
    JsonArray,

    /// <summary>A JSON object whose <c>data</c> property is an array of entries.</summary>
    JsonDataObject,

    /// <summary>A JSON file holding one entry object.</summary>
    JsonSingleObject,

    /// <summary>JSON Lines: one entry object per line (<c>.jsonl</c>, <c>.ndjson</c>, or
    /// recognised from the content).</summary>
    Jsonl,
}
