using FluxPerf.Datasets;
using NUnit.Framework;

namespace FluxPerf.Tests.Datasets;

[TestFixture]
public sealed class TokenCounterTests
{
    private static readonly TokenCounter _counter = TokenCounter.Cl100kBase;

    // 20 distinct sentences, so head and tail of a cut are recognisable.
    private static readonly string _longText = string.Concat(
        Enumerable.Range(1, 20).Select(i => $"Sentence number {i} talks about topic {i * 7}. "));

    [Test]
    public void Count_KnownCl100kText_MatchesTiktoken()
    {
        // tiktoken cl100k_base: "Hello, world!" -> [9906, 11, 1917, 0]; "" -> [].
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_counter.Count("Hello, world!"), Is.EqualTo(4));
            Assert.That(_counter.Count(""), Is.Zero);
        }
    }

    [Test]
    public void Count_IsNotAWhitespaceSplit()
    {
        // A whitespace split would say 1; the tokenizer splits the long word into pieces.
        Assert.That(_counter.Count("antidisestablishmentarianism"), Is.GreaterThan(1));
    }

    [Test]
    public void Truncate_TooLong_KeepsTheHeadWithinBudget()
    {
        var cut = _counter.Truncate("Hello, world!", 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cut, Is.EqualTo("Hello,"));
            Assert.That(_counter.Truncate(_longText, 30),
                Does.StartWith("Sentence number 1 talks"));
            Assert.That(_counter.Count(_counter.Truncate(_longText, 30)), Is.EqualTo(30));
        }
    }

    [Test]
    public void Truncate_AlreadyShortEnough_ReturnsTheSameText()
    {
        Assert.That(_counter.Truncate(_longText, 10_000), Is.SameAs(_longText));
    }

    [Test]
    public void TruncateMiddle_TooLong_KeepsHeadAndTailHalves()
    {
        var cut = _counter.TruncateMiddle(_longText, 40);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cut, Does.StartWith("Sentence number 1 talks"));
            Assert.That(cut, Does.EndWith("Sentence number 20 talks about topic 140. "));
            Assert.That(cut, Does.Not.Contain("number 10 "));
            Assert.That(_counter.Count(cut), Is.InRange(39, 41));
        }
    }

    [Test]
    public void TruncateMiddle_ShortText_ReturnsItUnchanged()
    {
        Assert.That(_counter.TruncateMiddle("Hello, world!", 4), Is.EqualTo("Hello, world!"));
    }

    [Test]
    public void TruncateMiddle_TwoTokens_KeepsFirstAndLastToken()
    {
        Assert.That(_counter.TruncateMiddle("Hello, world!", 2), Is.EqualTo("Hello!"));
    }
}
