using FluxPerf.Datasets;
using FluxPerf.Datasets.Generation;
using NUnit.Framework;

namespace FluxPerf.Tests.Datasets.Generation;

[TestFixture]
public sealed class MultiRoundGeneratorTests
{
    private GeneratorScratch _scratch = null!; // set in SetUp before every test

    [SetUp]
    public void SetUp() => _scratch = new GeneratorScratch();

    [TearDown]
    public void TearDown() => _scratch.Dispose();

    [Test]
    public void Generate_Sessions_HaveExactSystemContextAndQuestionTokens()
    {
        var summary = MultiRoundGenerator.Generate(Options());

        var sessions = DatasetLoader.Load(summary.OutputPath).Sessions;
        var counter = TokenCounter.Cl100kBase;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sessions.Select(s => s.Id),
                Is.EqualTo(new[] { "user0", "user1", "user2" }));
            Assert.That(sessions.Select(s => counter.Count(s.SystemPrompt!)), Has.All.EqualTo(30));
            Assert.That(sessions.Select(s => s.SystemPrompt).Distinct().Count(), Is.EqualTo(1));
            Assert.That(sessions.Select(s => s.UserMessages.Count), Has.All.EqualTo(4));
            Assert.That(sessions.Select(s => counter.Count(s.UserMessages[0])),
                Has.All.EqualTo(100 + 8));
            Assert.That(sessions.SelectMany(s => s.UserMessages.Skip(1)).Select(counter.Count),
                Has.All.EqualTo(8));
            Assert.That(sessions.Select(s => s.AssistantReplies), Has.All.Null);
        }
    }

    [Test]
    public void Generate_ExpectedReuse_IsThePreviousTurnsPromptPlusItsReplies()
    {
        var summary = MultiRoundGenerator.Generate(Options());

        var reuse = ExpectedReuseFile.Read(ExpectedReuseFile.PathFor(summary.OutputPath))
            .ToDictionary(r => (r.Id, r.Turn));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reuse, Has.Count.EqualTo(12));
            Assert.That(reuse[("user0", 1)].ReusableTokens, Is.Zero);
            Assert.That(reuse[("user1", 1)].ReusableTokens, Is.EqualTo(30));
            Assert.That(reuse[("user2", 2)].ReusableTokens, Is.EqualTo(30 + 100 + 8));
            Assert.That(reuse[("user2", 2)].ReplyTurns, Is.Empty);
            Assert.That(reuse[("user1", 4)].ReusableTokens, Is.EqualTo(30 + 100 + 8 * 3));
            Assert.That(reuse[("user1", 4)].ReplyTurns, Is.EqualTo(new[] { 1, 2 }));
            Assert.That(reuse[("user1", 4)].PromptTokens, Is.EqualTo(30 + 100 + 8 * 4));
        }
    }

    [Test]
    public void Generate_NoSystemNoContext_StillCountsHistoryReuse()
    {
        var options = Options() with { SystemTokens = 0, ContextTokens = 0 };

        var summary = MultiRoundGenerator.Generate(options);

        var reuse = ExpectedReuseFile.Read(ExpectedReuseFile.PathFor(summary.OutputPath));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reuse.Where(r => r.Turn == 1).Select(r => r.ReusableTokens), Has.All.Zero);
            Assert.That(reuse.Single(r => r.Id == "user0" && r.Turn == 3).ReusableTokens,
                Is.EqualTo(16));
        }
    }

    [Test]
    public void Generate_BadNumbers_ListsEveryProblem()
    {
        var options = Options() with { Users = 0, Rounds = -1, QuestionTokens = 0 };

        var error = Assert.Throws<DatasetException>(() => MultiRoundGenerator.Generate(options));

        Assert.That(error.Message, Does.Contain("--users '0'").And.Contain("--rounds '-1'")
            .And.Contain("--question-tokens '0'"));
    }

    private MultiRoundOptions Options() => new()
    {
        Users = 3,
        Rounds = 4,
        SystemTokens = 30,
        ContextTokens = 100,
        QuestionTokens = 8,
        Seed = 11,
        OutputPath = _scratch.PathOf("rounds.jsonl"),
    };
}
