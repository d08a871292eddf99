namespace FluxPerf.Datasets.Generation;

/// <summary>The role of a <see cref="PlannedMessage"/>.</summary>
internal enum PlannedMessageKind
{
    /// <summary>The system prompt.</summary>
    System,

    /// <summary>A user message.</summary>
    User,

    /// <summary>A server reply of an earlier turn, replayed as history; its tokens are unknown
    /// when the workload is generated.</summary>
    Reply,
}
