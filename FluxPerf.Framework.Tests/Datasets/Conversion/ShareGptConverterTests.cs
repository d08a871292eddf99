using System.Text.Json;
using FluxPerf.Datasets;
using FluxPerf.Datasets.Conversion;
using NUnit.Framework;

namespace FluxPerf.Tests.Datasets.Conversion;

[TestFixture]
public sealed class ShareGptConverterTests
{
    private ConversionScratch _scratch = null!; // set in SetUp before every test

    [SetUp]
    public void SetUp() => _scratch = new ConversionScratch();

    [TearDown]
    public void TearDown() => _scratch.Dispose();

    [Test]
    public void Convert_FastChatDummy_KeepsIdsTurnsAndReplies()
    {
        var summary = Convert(Sample("fastchat_dummy_conversation_first60.json"));

        var sessions = ConversionScratch.ReadJsonl(summary.OutputPath);
        var users = sessions.Select(s => ConversionScratch.Strings(s, "user_messages")).ToList();
        var replies = sessions
            .Select(s => ConversionScratch.Strings(s, "assistant_messages")).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.RecordsRead, Is.EqualTo(60));
            Assert.That(summary.EntriesWritten, Is.EqualTo(60));
            Assert.That(summary.Dropped, Is.Empty);
            Assert.That(sessions[0].GetProperty("session_id").GetString(),
                Is.EqualTo("identity_0"));
            Assert.That(users.Select(u => u.Count).Distinct().Order(),
                Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(replies.Select(r => r.Count), Is.EqualTo(users.Select(u => u.Count)));
            Assert.That(replies.SelectMany(r => r), Has.All.Not.Empty);
        }
    }

    [Test]
    public void Convert_AxolotlSingleObjectWithoutId_WritesOneSessionWithMadeId()
    {
        var summary = Convert(Sample("axolotl_conversation_fixture.json"));

        var session = ConversionScratch.ReadJsonl(summary.OutputPath).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.GetProperty("session_id").GetString(), Is.EqualTo("sharegpt-1"));
            Assert.That(ConversionScratch.Strings(session, "user_messages"), Has.Count.EqualTo(6));
            Assert.That(ConversionScratch.Strings(session, "assistant_messages"),
                Has.Count.EqualTo(6));
            Assert.That(summary.Adjustments, Is.Empty);
        }
    }

    [Test]
    public void Convert_MissingReply_DropsTheEmptyTurnAndMergesTheTwoQuestions()
    {
        var summary = Convert(Sample("axolotl_conversation_missingturns_fixture.json"));

        var session = ConversionScratch.ReadJsonl(summary.OutputPath)[0];
        var users = ConversionScratch.Strings(session, "user_messages");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(users, Has.Count.EqualTo(5));
            Assert.That(users[0], Does.StartWith("how could i implement a minesweeper algorithm")
                .And.EndWith("\n\ncould you give me the gist of how it could though?"));
            Assert.That(summary.Adjustments[ShareGptCleaner.AdjustedEmptyTurn], Is.EqualTo(1));
            Assert.That(summary.Adjustments[ShareGptCleaner.AdjustedMerged], Is.EqualTo(1));
        }
    }

    [Test]
    public void Convert_GlaiveToolCalls_CallsJoinTheAssistantAndResultsTheUserSide()
    {
        var summary = Convert(Sample("llamafactory_glaive_toolcall_en_demo_first60.json"));

        var first = ConversionScratch.ReadJsonl(summary.OutputPath)[0];
        var users = ConversionScratch.Strings(first, "user_messages");
        var replies = ConversionScratch.Strings(first, "assistant_messages");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.RecordsRead, Is.EqualTo(60));
            Assert.That(summary.Dropped, Is.EqualTo(new Dictionary<string, int>
            {
                [ShareGptSelection.DroppedDuplicate] = 1,
            }));
            Assert.That(summary.Adjustments, Is.Empty, "tool roles map onto strict alternation");
            Assert.That(
                first.GetProperty("system").GetString(),
                Does.StartWith("Available tools:\n[{\"name\": \"search_recipes\""));
            Assert.That(users, Has.Count.EqualTo(4));
            Assert.That(replies[1], Does.StartWith("{\"name\": \"search_recipes\""));
            Assert.That(users[2], Does.StartWith("{\"recipes\": "));
        }
    }

    [Test]
    public void Convert_MlEnergySingleTurn_KeepsIdsAndNonAsciiText()
    {
        var input = Sample("mlenergy_ShareGPT_V3_filtered_first50.json");

        var summary = Convert(input, o => o with { SingleTurn = true });

        var entries = ConversionScratch.ReadJsonl(summary.OutputPath);
        var source = JsonDocument.Parse(File.ReadAllText(input)).RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries, Has.Count.EqualTo(50));
            Assert.That(entries[0].GetProperty("id").GetString(), Is.EqualTo("fzcoUcK_0"));
            Assert.That(entries.Any(e => e.TryGetProperty("assistant_messages", out _)), Is.False);
            Assert.That(
                entries.Select(e => e.GetProperty("prompt").GetString()),
                Is.EqualTo(source.EnumerateArray().Select(FirstValue)));
            Assert.That(File.ReadAllText(summary.OutputPath), Does.Not.Contain("\\u"),
                "non-ASCII stays readable");
        }
    }

    [Test]
    public void Convert_EveryTestDataFile_LoadsWithTheEngineDatasetLoader()
    {
        foreach (var file in Directory.GetFiles(ConversionScratch.TestData("ShareGpt"), "*.json"))
        {
            var summary = Convert(file);

            var loaded = DatasetLoader.Load(summary.OutputPath);

            Assert.That(loaded.Sessions, Has.Count.EqualTo(summary.EntriesWritten),
                Path.GetFileName(file));
        }
    }

    [Test]
    public void Convert_RepairsAndDrops_AreCountedPerReason()
    {
        var input = _scratch.Write("mixed.jsonl", string.Join('\n',
            Conversation("a", ("gpt", "hello there"), ("human", "hi"), ("gpt", "hey")),
            Conversation("b", ("human", "q1"), ("human", "q1 again"), ("gpt", "r1")),
            Conversation("c", ("human", "q1"), ("human", "q1 again"), ("gpt", "r1")),
            Conversation("d", ("gpt", "only a reply")),
            Conversation("e", ("human", "q"), ("narrator", "??")),
            """{"id": "f", "text": "not sharegpt"}""",
            Conversation("g", ("system", "be brief"), ("user", "q"), ("assistant", "r"),
                ("user", "q2"))));

        var summary = Convert(input);

        var sessions = ConversionScratch.ReadJsonl(summary.OutputPath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                sessions.Select(s => s.GetProperty("session_id").GetString()),
                Is.EqualTo(new[] { "a", "b", "g" }));
            Assert.That(summary.Dropped, Is.EqualTo(new Dictionary<string, int>
            {
                [ShareGptSelection.DroppedDuplicate] = 1,
                [ShareGptCleaner.DroppedNoUserTurn] = 1,
                [ShareGptReader.DroppedUnknownRole] = 1,
                [ShareGptReader.DroppedNoConversations] = 1,
            }));
            Assert.That(summary.Adjustments[ShareGptCleaner.AdjustedLeadingAssistant],
                Is.EqualTo(2));
            Assert.That(
                ConversionScratch.Strings(sessions[1], "user_messages"),
                Is.EqualTo(new[] { "q1\n\nq1 again" }));
            Assert.That(sessions[2].GetProperty("system").GetString(), Is.EqualTo("be brief"));
            Assert.That(
                ConversionScratch.Strings(sessions[2], "assistant_messages"),
                Is.EqualTo(new[] { "r", "" }));
        }
    }

    [Test]
    public void Convert_TurnLimits_DropShortAndLongConversations()
    {
        var summary = Convert(
            Sample("fastchat_dummy_conversation_first60.json"),
            o => o with { MinTurns = 2, MaxTurns = 2 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.EntriesWritten, Is.EqualTo(20));
            Assert.That(summary.Dropped[ShareGptSelection.DroppedTooFewTurns], Is.EqualTo(20));
            Assert.That(summary.Dropped[ShareGptSelection.DroppedTooManyTurns], Is.EqualTo(20));
        }
    }

    [Test]
    public void Convert_MaxPromptTokens_DropsConversationsOverTheBudget()
    {
        var input = Sample("mlenergy_ShareGPT_V3_filtered_first50.json");
        var counter = TokenCounter.Cl100kBase;
        var lengths = JsonDocument.Parse(File.ReadAllText(input)).RootElement.EnumerateArray()
            .Select(r => counter.Count(FirstValue(r)))
            .ToList();

        var summary = Convert(input, o => o with { MaxPromptTokens = 100 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.EntriesWritten, Is.EqualTo(lengths.Count(n => n <= 100)));
            Assert.That(summary.Dropped[ShareGptSelection.DroppedTooLong],
                Is.EqualTo(lengths.Count(n => n > 100)));
        }
    }

    [Test]
    public void Convert_NotShareGpt_ExplainsTheExpectedShape()
    {
        var input = _scratch.Write("wrong.json", """[{"prompt": "a"}, {"prompt": "b"}]""");

        var error = Assert.Throws<DatasetException>(() => Convert(input));

        Assert.That(error.Message, Does.Contain("no usable conversations").And.Contain("entry 1")
            .And.Contain("\"conversations\""));
    }

    [Test]
    public void Convert_BadTurnLimits_QuotesTheValues()
    {
        var error = Assert.Throws<DatasetException>(
            () => Convert("unused.json", o => o with { MinTurns = 0, MaxPromptTokens = -5 }));

        Assert.That(error.Message, Does.Contain("'0'").And.Contain("'-5'"));
    }

    private ConversionSummary Convert(
        string input,
        Func<ShareGptOptions, ShareGptOptions>? adjust = null)
    {
        var options = new ShareGptOptions
        {
            InputPath = input,
            OutputPath = _scratch.PathOf("out.jsonl"),
        };
        return ShareGptConverter.Convert(adjust is null ? options : adjust(options));
    }

    private static string FirstValue(JsonElement entry) =>
        entry.GetProperty("conversations")[0].GetProperty("value").GetString()!.Trim();

    private static string Sample(string name) => ConversionScratch.TestData("ShareGpt", name);

    private static string Conversation(string id, params (string From, string Value)[] turns) =>
        JsonSerializer.Serialize(new
        {
            id,
            conversations = turns.Select(t => new Dictionary<string, string>
            {
                ["from"] = t.From,
                ["value"] = t.Value,
            }),
        });
}
