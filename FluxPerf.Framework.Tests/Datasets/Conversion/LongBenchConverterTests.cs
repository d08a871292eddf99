using System.IO.Compression;
using FluxPerf.Datasets;
using FluxPerf.Datasets.Conversion;
using NUnit.Framework;

namespace FluxPerf.Tests.Datasets.Conversion;

[TestFixture]
public sealed class LongBenchConverterTests
{
    private const string HotpotInstruction =
        "Answer the question based on the given passages. Only give me the answer and do not "
        + "output any other words.";

    private ConversionScratch _scratch = null!; // set in SetUp before every test

    [SetUp]
    public void SetUp() => _scratch = new ConversionScratch();

    [TearDown]
    public void TearDown() => _scratch.Dispose();

    [Test]
    public void Convert_V1File_FillsSubDatasetTemplateAndAnswerBudget()
    {
        var input = WriteJsonl("hotpotqa.jsonl", LongBenchRecords.Mixed()[0]);

        var summary = Convert(input);

        var entry = ConversionScratch.ReadJsonl(summary.OutputPath).Single();
        var expected = HotpotInstruction + "\n\nThe following are given passages.\n"
            + "Context A about rivers.\n\n" + HotpotInstruction
            + "\n\nQuestion: Which river is longest?\nAnswer:";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.GetProperty("id").GetString(), Is.EqualTo("h1"));
            Assert.That(entry.GetProperty("prompt").GetString(), Is.EqualTo(expected));
            Assert.That(entry.GetProperty("max_tokens").GetInt32(), Is.EqualTo(32));
            Assert.That(summary.RecordsKept, Is.EqualTo(1));
        }
    }

    [Test]
    public void Convert_DataZip_FiltersByDatasetAndLanguageAndCountsEachReason()
    {
        var zip = WriteZip(LongBenchRecords.Mixed());

        var summary = Convert(zip,
            o => o with { Datasets = ["hotpotqa", "dureader"], Language = "en" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.RecordsRead, Is.EqualTo(7));
            Assert.That(summary.RecordsKept, Is.EqualTo(5));
            Assert.That(summary.Dropped[LongBenchConverter.DroppedDataset], Is.EqualTo(1));
            Assert.That(summary.Dropped[LongBenchConverter.DroppedLanguage], Is.EqualTo(1));
            Assert.That(
                ConversionScratch.ReadJsonl(summary.OutputPath)
                    .Select(e => e.GetProperty("id").GetString()),
                Is.EqualTo(new[] { "h1", "h2", "h3", "h4", "h5" }));
        }
    }

    [Test]
    public void Convert_Folder_ReadsEveryJsonlFile()
    {
        var records = LongBenchRecords.Mixed();
        WriteJsonl("hotpotqa.jsonl", records[..5]);
        WriteJsonl("qasper.jsonl", records[5]);

        var summary = Convert(_scratch.Folder);

        Assert.That(summary.EntriesWritten, Is.EqualTo(6));
    }

    [Test]
    public void Convert_SampleWithSeed_KeepsNPerDatasetTheSameEveryTime()
    {
        var input = WriteJsonl("mixed.jsonl", LongBenchRecords.Mixed());

        var first = Ids(Convert(input, o => o with { SamplePerDataset = 2, Seed = 7 }));
        var again = Ids(Convert(input, o => o with { SamplePerDataset = 2, Seed = 7 }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Count(id => id.StartsWith('h')), Is.EqualTo(2));
            Assert.That(first, Has.Member("q1").And.Member("d1"));
            Assert.That(again, Is.EqualTo(first));
        }
    }

    [Test]
    public void Convert_MaxPromptTokens_KeepsHeadAndTailOfTheBudget()
    {
        var longContext = string.Join(' ', Enumerable.Repeat("filler words in the passage", 400));
        var input = WriteJsonl(
            "hotpotqa.jsonl",
            LongBenchRecords.V1("long", "hotpotqa", longContext, "Which river is longest?"));

        var summary = Convert(input, o => o with { MaxPromptTokens = 200 });

        var prompt = ConversionScratch.ReadJsonl(summary.OutputPath)[0]
            .GetProperty("prompt").GetString()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TokenCounter.Cl100kBase.Count(prompt), Is.InRange(199, 201));
            Assert.That(prompt, Does.StartWith(HotpotInstruction));
            Assert.That(prompt, Does.EndWith("Question: Which river is longest?\nAnswer:"));
            Assert.That(summary.Adjustments[LongBenchConverter.AdjustedTruncated], Is.EqualTo(1));
        }
    }

    [Test]
    public void Convert_GroupBySession_FirstTurnCarriesContextLaterTurnsOnlyTheQuestion()
    {
        var input = WriteJsonl("mixed.jsonl", LongBenchRecords.Mixed()[..5]);

        var summary = Convert(input, o => o with { Grouping = LongBenchGrouping.Session });

        var sessions = ConversionScratch.ReadJsonl(summary.OutputPath);
        var first = ConversionScratch.Strings(sessions[0], "user_messages");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sessions, Has.Count.EqualTo(2));
            Assert.That(sessions[0].GetProperty("session_id").GetString(), Is.EqualTo("h1"));
            Assert.That(first, Has.Count.EqualTo(3));
            Assert.That(first[0], Does.Contain("Context A about rivers.").And.Contain("longest"));
            Assert.That(
                first[1],
                Is.EqualTo(HotpotInstruction + "\n\nQuestion: Which river is widest?\nAnswer:"));
            Assert.That(first[2], Does.Not.Contain("Context A").And.Contain("oldest"));
            Assert.That(ConversionScratch.Strings(sessions[1], "user_messages"),
                Has.Count.EqualTo(2));
            Assert.That(summary.RecordsKept, Is.EqualTo(5));
        }
    }

    [Test]
    public void Convert_GroupConsecutive_WritesFullPromptsOfOneContextNextToEachOther()
    {
        var input = WriteJsonl("mixed.jsonl", LongBenchRecords.Mixed()[..5]);

        var summary = Convert(input, o => o with { Grouping = LongBenchGrouping.Consecutive });

        Assert.That(Ids(summary), Is.EqualTo(new[] { "h1", "h2", "h4", "h3", "h5" }));
    }

    [Test]
    public void Convert_V2Json_UsesZeroShotTemplateWithChoices()
    {
        var input = _scratch.Write(
            "data.json",
            "["
            + LongBenchRecords.V2("v2a", "Single-Document QA", " The document. ", "What is it?")
            + "]");

        var summary = Convert(input);

        var entry = ConversionScratch.ReadJsonl(summary.OutputPath).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                entry.GetProperty("prompt").GetString(),
                Does.Contain("<text>\nThe document.\n</text>")
                .And.Contain("What is the correct answer to this question: What is it?")
                .And.Contain("(B) beta"));
            Assert.That(entry.GetProperty("max_tokens").GetInt32(), Is.EqualTo(128));
        }
    }

    [Test]
    public void Convert_ContextHoldingAPlaceholder_IsNotFilledTwice()
    {
        var input = WriteJsonl(
            "hotpotqa.jsonl",
            LongBenchRecords.V1("p", "hotpotqa", "code uses {input} literally", "Q?"));

        var summary = Convert(input);

        var prompt = ConversionScratch.ReadJsonl(summary.OutputPath)[0]
            .GetProperty("prompt").GetString();
        Assert.That(prompt, Does.Contain("code uses {input} literally"));
    }

    [Test]
    public void Convert_OutputLoads_WithTheEngineDatasetLoader()
    {
        var input = WriteJsonl("mixed.jsonl", LongBenchRecords.Mixed());

        var summary = Convert(input, o => o with { Grouping = LongBenchGrouping.Session });

        var loaded = DatasetLoader.Load(summary.OutputPath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Sessions, Has.Count.EqualTo(summary.EntriesWritten));
            Assert.That(loaded.Sessions[0].UserMessages, Has.Count.EqualTo(3));
            Assert.That(loaded.Sessions[0].MaxTokens, Is.EqualTo(32));
            Assert.That(loaded.SkippedCount, Is.Zero);
        }
    }

    [Test]
    public void Convert_Download_FailsNamingTheHubAndTheManualFetch()
    {
        var error = Assert.Throws<DatasetException>(
            () => Convert("unused.jsonl", o => o with { Download = true }));

        Assert.That(error.Message, Does.Contain("Hugging Face hub").And.Contain("data.zip"));
    }

    [Test]
    public void Convert_UnknownDatasetName_QuotesItAndListsWhatExists()
    {
        var input = WriteJsonl("mixed.jsonl", LongBenchRecords.Mixed());

        var error = Assert.Throws<DatasetException>(
            () => Convert(input, o => o with { Datasets = ["hotpot"] }));

        Assert.That(error.Message, Does.Contain("'hotpot'").And.Contain("'hotpotqa'"));
    }

    [Test]
    public void Convert_RecordWithoutContext_NamesFileAndLine()
    {
        var input = WriteJsonl(
            "hotpotqa.jsonl",
            LongBenchRecords.Mixed()[0],
            """{"input": "q", "dataset": "hotpotqa", "_id": "x"}""");

        var error = Assert.Throws<DatasetException>(() => Convert(input));

        Assert.That(error.Message, Does.StartWith(input + ":2:").And.Contain("\"context\""));
    }

    [Test]
    public void Convert_MissingInput_QuotesThePath()
    {
        var missing = _scratch.PathOf("absent.zip");

        var error = Assert.Throws<DatasetException>(() => Convert(missing));

        Assert.That(error.Message, Does.Contain($"'{missing}' does not exist"));
    }

    private ConversionSummary Convert(
        string input,
        Func<LongBenchOptions, LongBenchOptions>? adjust = null)
    {
        var options = new LongBenchOptions
        {
            InputPath = input,
            OutputPath = _scratch.PathOf("out.jsonl"),
        };
        return LongBenchConverter.Convert(adjust is null ? options : adjust(options));
    }

    private static List<string> Ids(ConversionSummary summary) =>
        ConversionScratch.ReadJsonl(summary.OutputPath)
            .Select(e => e.GetProperty("id").GetString()!)
            .ToList();

    private string WriteJsonl(string name, params string[] lines) =>
        _scratch.Write(name, string.Join('\n', lines) + "\n");

    private string WriteZip(string[] records)
    {
        var path = _scratch.PathOf("data.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var group in records.GroupBy(r => System.Text.Json.JsonDocument.Parse(r)
            .RootElement.GetProperty("dataset").GetString()))
        {
            var entry = archive.CreateEntry($"data/{group.Key}.jsonl");
            using var writer = new StreamWriter(entry.Open());
            writer.Write(string.Join('\n', group) + "\n");
        }

        return path;
    }
}
