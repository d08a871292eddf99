namespace FluxPerf.Client;

/// <summary>One message of a chat conversation, as sent to <c>/v1/chat/completions</c>.</summary>
/// <param name="Role">The role: <c>system</c>, <c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The text of the message.</param>
public sealed record ChatMessage(string Role, string Content)
{
    /// <summary>Creates a system message.</summary>
    public static ChatMessage System(string content) => new("system", content);

    /// <summary>Creates a user message.</summary>
    public static ChatMessage User(string content) => new("user", content);

    /// <summary>Creates an assistant message.</summary>
    public static ChatMessage Assistant(string content) => new("assistant", content);
}
