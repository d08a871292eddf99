using FluxPerf.Client;
using FluxPerf.Datasets;
using NUnit.Framework;

namespace FluxPerf.Tests.Datasets;

[TestFixture]
public sealed class HistoryTruncationTests
{
    // One token per character keeps the arithmetic visible: turns cost 8, 4 and 2, the system
    // prompt 3 and the new message 5, so everything together is 22.
    private static readonly Func<string, int> _chars = text => text.Length;

    private static readonly ConversationTurn[] _turns =
    [
        new("aaaa", "bbbb"),
        new("cc", "dd"),
        new("e", "f"),
    ];

    [Test]
    public void Fit_EverythingFits_KeepsAllTurnsInOrder()
    {
        var result = HistoryTruncation.Fit("SYS", _turns, "uuuuu", 22, _chars);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.DroppedTurns, Is.Zero);
            Assert.That(result.TokenCount, Is.EqualTo(22));
            Assert.That(result.Fits, Is.True);
            Assert.That(result.Messages, Is.EqualTo(new[]
            {
                ChatMessage.System("SYS"),
                ChatMessage.User("aaaa"), ChatMessage.Assistant("bbbb"),
                ChatMessage.User("cc"), ChatMessage.Assistant("dd"),
                ChatMessage.User("e"), ChatMessage.Assistant("f"),
                ChatMessage.User("uuuuu"),
            }));
        }
    }

    [TestCase(21, 1, 14)]
    [TestCase(14, 1, 14)]
    [TestCase(13, 2, 10)]
    [TestCase(10, 2, 10)]
    public void Fit_OverBudget_DropsOldestTurnsFirst(int budget, int dropped, int tokens)
    {
        var result = HistoryTruncation.Fit("SYS", _turns, "uuuuu", budget, _chars);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.DroppedTurns, Is.EqualTo(dropped));
            Assert.That(result.TokenCount, Is.EqualTo(tokens));
            Assert.That(result.Fits, Is.True);
            Assert.That(result.Messages[0], Is.EqualTo(ChatMessage.System("SYS")));
            Assert.That(result.Messages[1], Is.EqualTo(ChatMessage.User(_turns[dropped].User)));
            Assert.That(result.Messages[^1], Is.EqualTo(ChatMessage.User("uuuuu")));
        }
    }

    [Test]
    public void Fit_SystemAndNewMessageAloneTooLong_DropsAllTurnsAndSaysItDoesNotFit()
    {
        var result = HistoryTruncation.Fit("SYS", _turns, "uuuuu", 7, _chars);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.DroppedTurns, Is.EqualTo(3));
            Assert.That(result.TokenCount, Is.EqualTo(8));
            Assert.That(result.Fits, Is.False);
            Assert.That(
                result.Messages,
                Is.EqualTo(new[] { ChatMessage.System("SYS"), ChatMessage.User("uuuuu") }));
        }
    }

    [Test]
    public void Fit_NoSystemPromptWithOverhead_CountsOverheadPerMessage()
    {
        // Overhead 1 per message: turns cost 10, 6 and 4, the new message 6; 26 in all.
        var result = HistoryTruncation.Fit(null, _turns, "uuuuu", 16, _chars,
            messageOverheadTokens: 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.DroppedTurns, Is.EqualTo(1));
            Assert.That(result.TokenCount, Is.EqualTo(16));
            Assert.That(result.Messages[0], Is.EqualTo(ChatMessage.User("cc")));
            Assert.That(result.Messages, Has.Count.EqualTo(5));
        }
    }

    [Test]
    public void Fit_NoHistory_SendsJustTheNewMessage()
    {
        var result = HistoryTruncation.Fit(null, [], "hello", 100, _chars);

        Assert.That(result.Messages, Is.EqualTo(new[] { ChatMessage.User("hello") }));
    }
}
