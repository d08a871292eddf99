namespace FluxPerf.Datasets;

/// <summary>Which of the accepted entry shapes an entry was read as.</summary>
public enum EntryShape
{
    /// <summary>Single turn: <c>{"text": ...}</c>.</summary>
    Text,

    /// <summary>Single turn: <c>{"prompt": ...}</c>.</summary>
    Prompt,

    /// <summary>Multi-turn: <c>{"user_messages": [...]}</c>, optional <c>system</c> and
    /// <c>assistant_messages</c>.</summary>
    UserMessages,

    /// <summary>ShareGPT: <c>{"conversations": [{"from", "value"}]}</c>.</summary>
    ShareGpt,

    /// <summary>OpenAI chat: <c>{"messages": [{"role", "content"}]}</c>.</summary>
    OpenAiMessages,

    /// <summary>MT-Bench style: <c>{"turns": [...]}</c>.</summary>
    Turns,
}
