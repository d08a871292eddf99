using System.Text.Json;
using FluxPerf.Datasets;
using FluxPerf.Datasets.Generation;
using NUnit.Framework;

namespace FluxPerf.Tests.Datasets.Generation;

[TestFixture]
public sealed class SharedPrefixGeneratorTests
{
    private GeneratorScratch _scratch = null!; // set in SetUp before every test

    [SetUp]
    public void SetUp() => _scratch = new GeneratorScratch();

    [TearDown]
    public void TearDown() => _scratch.Dispose();

    [Test]
    public void Generate_EveryPrompt_HasExactlyPrefixPlusSuffixTokens()
    {
        var summary = SharedPrefixGenerator.Generate(Options(systemTokens: 0));

        var prompts = ReadLines(summary.OutputPath)
            .Select(e => e.GetProperty("prompt").GetString()!)
            .ToList();
        var counter = TokenCounter.Cl100kBase;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(prompts, Has.Count.EqualTo(12));
            Assert.That(prompts.Select(counter.Count), Has.All.EqualTo(50 + 7));
            Assert.That(prompts.Select(p => counter.Truncate(p, 50)).Distinct().Count(),
                Is.EqualTo(3));
            Assert.That(prompts.Select(p => counter.Truncate(p, 51)).Distinct().Count(),
                Is.EqualTo(12));
        }
    }

    [Test]
    public void Generate_InGroupOrder_ExpectsSystemThenSystemPlusPrefixReuse()
    {
        var summary = SharedPrefixGenerator.Generate(Options(systemTokens: 20));

        var reuse = ExpectedReuseFile.Read(ExpectedReuseFile.PathFor(summary.OutputPath));
        var expected = new[] { 0, 70, 70, 70, 20, 70, 70, 70, 20, 70, 70, 70 };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reuse.Select(r => r.ReusableTokens), Is.EqualTo(expected));
            Assert.That(reuse.Select(r => r.PromptTokens), Has.All.EqualTo(20 + 50 + 7));
            Assert.That(reuse[1].Id, Is.EqualTo("g0-p1"));
            Assert.That(reuse.SelectMany(r => r.ReplyTurns), Is.Empty);
            Assert.That(summary.ReusableTokens, Is.EqualTo(expected.Sum()));
        }
    }

    [Test]
    public void Generate_WithSystemPrompt_WritesOneTurnSessionsTheLoaderReads()
    {
        var summary = SharedPrefixGenerator.Generate(
            Options(systemTokens: 20) with { MaxTokens = 16 });

        var sessions = DatasetLoader.Load(summary.OutputPath).Sessions;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sessions, Has.Count.EqualTo(12));
            Assert.That(sessions.Select(s => s.SystemPrompt).Distinct().Count(), Is.EqualTo(1));
            Assert.That(TokenCounter.Cl100kBase.Count(sessions[0].SystemPrompt!), Is.EqualTo(20));
            Assert.That(sessions.Select(s => s.MaxTokens), Has.All.EqualTo(16));
        }
    }

    [Test]
    public void Generate_Shuffled_FirstOfEachGroupInFileOrderGetsOnlySystemReuse()
    {
        var summary = SharedPrefixGenerator.Generate(
            Options(systemTokens: 20) with { Shuffle = true });

        var reuse = ExpectedReuseFile.Read(ExpectedReuseFile.PathFor(summary.OutputPath));
        var groupOrder = Enumerable.Range(0, 3)
            .SelectMany(g => Enumerable.Range(0, 4).Select(p => $"g{g}-p{p}"))
            .ToList();
        var firstOfGroup = reuse.GroupBy(r => r.Id.Split('-')[0])
            .Select(g => g.First())
            .ToHashSet();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reuse.Select(r => r.Id), Is.Not.EqualTo(groupOrder));
            Assert.That(reuse.Select(r => r.Id), Is.EquivalentTo(groupOrder));
            Assert.That(
                reuse.Where(firstOfGroup.Contains).Select(r => r.ReusableTokens),
                Is.EqualTo(new[] { 0, 20, 20 }));
            Assert.That(
                reuse.Where(r => !firstOfGroup.Contains(r)).Select(r => r.ReusableTokens),
                Has.All.EqualTo(70));
        }
    }

    [Test]
    public void Generate_SameSeed_WritesIdenticalFiles()
    {
        var first = SharedPrefixGenerator.Generate(Options(20) with { OutputPath = Out("a") });
        var again = SharedPrefixGenerator.Generate(Options(20) with { OutputPath = Out("b") });
        var other = SharedPrefixGenerator.Generate(
            Options(20) with { OutputPath = Out("c"), Seed = 8 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllBytes(again.OutputPath),
                Is.EqualTo(File.ReadAllBytes(first.OutputPath)));
            Assert.That(File.ReadAllText(other.OutputPath),
                Is.Not.EqualTo(File.ReadAllText(first.OutputPath)));
        }
    }

    [Test]
    public void Generate_BadNumbers_ListsEveryProblemWithItsValue()
    {
        var options = Options(0) with { Groups = 0, SuffixTokens = -3, PrefixTokens = -1 };

        var error = Assert.Throws<DatasetException>(() => SharedPrefixGenerator.Generate(options));

        Assert.That(error.Message, Does.Contain("--groups '0'").And.Contain("--suffix-tokens '-3'")
            .And.Contain("--prefix-tokens '-1'"));
    }

    [Test]
    public void Generate_TooManyRequests_RefusesBeforeWriting()
    {
        var options = Options(0) with { Groups = 1000, PromptsPerGroup = 1000 };

        var error = Assert.Throws<DatasetException>(() => SharedPrefixGenerator.Generate(options));

        Assert.That(error.Message, Does.Contain("1000000"));
        Assert.That(File.Exists(options.OutputPath), Is.False);
    }

    private SharedPrefixOptions Options(int systemTokens) => new()
    {
        Groups = 3,
        PromptsPerGroup = 4,
        PrefixTokens = 50,
        SuffixTokens = 7,
        SystemTokens = systemTokens,
        Seed = 3,
        OutputPath = _scratch.PathOf("shared.jsonl"),
    };

    private string Out(string name) => _scratch.PathOf(name + ".jsonl");

    private static List<JsonElement> ReadLines(string path) =>
        File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
}
