namespace FluxPerf.Datasets;

/// <summary>One completed exchange of a conversation: the user's message and the reply.</summary>
/// <param name="User">The user's message.</param>
/// <param name="Assistant">The reply that is sent as history with later turns.</param>
public sealed record ConversationTurn(string User, string Assistant);
