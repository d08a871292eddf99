namespace FluxPerf.Datasets.Conversion;

/// <summary>The role a ShareGPT turn plays once tool roles are mapped.</summary>
internal enum ShareGptRole
{
    /// <summary>Instructions that become the session's system prompt.</summary>
    System,

    /// <summary>Text the client sends: human turns and tool results (observations).</summary>
    User,

    /// <summary>Text the model produced: replies and tool calls.</summary>
    Assistant,
}
