using FluxPerf.Datasets;
using NUnit.Framework;

namespace FluxPerf.Tests.Datasets;

[TestFixture]
public sealed class DatasetLoaderShapeTests
{
    private TempDatasetDirectory _files = null!; // set in SetUp before every test

    [SetUp]
    public void SetUp() => _files = new TempDatasetDirectory();

    [TearDown]
    public void TearDown() => _files.Dispose();

    [Test]
    public void Load_TextJsonl_GivesOneSingleTurnSessionPerLine()
    {
        var path = _files.WriteLines("single.jsonl", """{"text": "first"}""",
            """{"text": "second"}""");

        var result = DatasetLoader.Load(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Format, Is.EqualTo(DatasetFormat.Jsonl));
            Assert.That(result.Sessions.Select(s => s.Id), Is.EqualTo(new[] { "s0", "s1" }));
            Assert.That(result.Sessions[1].UserMessages, Is.EqualTo(new[] { "second" }));
            Assert.That(result.Sessions[1].AssistantReplies, Is.Null);
            Assert.That(result.Sessions[1].SystemPrompt, Is.Null);
            Assert.That(result.Shapes[EntryShape.Text], Is.EqualTo(2));
        }
    }

    [Test]
    public void Load_PromptArrayWithIdsAndMaxTokens_KeepsThem()
    {
        var path = _files.Write("prompts.json", """
            [
              {"id": 17, "prompt": "Say hi", "max_tokens": 64},
              {"session_id": "alpha", "id": "ignored", "prompt": "Say bye"}
            ]
            """);

        var result = DatasetLoader.Load(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Format, Is.EqualTo(DatasetFormat.JsonArray));
            Assert.That(result.Sessions[0], Is.EqualTo(result.Sessions[0] with { Id = "17" }));
            Assert.That(result.Sessions[0].MaxTokens, Is.EqualTo(64));
            Assert.That(result.Sessions[1].Id, Is.EqualTo("alpha"));
            Assert.That(result.Sessions[1].MaxTokens, Is.Null);
            Assert.That(result.Shapes[EntryShape.Prompt], Is.EqualTo(2));
        }
    }

    [Test]
    public void Load_UserMessagesWithSystemAndReplies_AlignsRepliesWithMessages()
    {
        var path = _files.WriteLines(
            "multi.jsonl",
            """{"system": "Be brief.", "user_messages": ["q1", "q2", "q3"], "assistant_messages": ["a1"]}""");

        var session = DatasetLoader.Load(path).Sessions.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.SystemPrompt, Is.EqualTo("Be brief."));
            Assert.That(session.UserMessages, Is.EqualTo(new[] { "q1", "q2", "q3" }));
            Assert.That(session.AssistantReplies, Is.EqualTo(new[] { "a1", "", "" }));
        }
    }

    [Test]
    public void Load_ShareGptWithSystemAndToolTurns_MapsRolesAndIgnoresToolTraffic()
    {
        var path = _files.Write("sharegpt.json", """
            [{"id": "c1", "conversations": [
              {"from": "system", "value": "You are helpful."},
              {"from": "human", "value": "Weather in Oslo?"},
              {"from": "function_call", "value": "{\"name\": \"weather\"}"},
              {"from": "observation", "value": "{\"temp\": 3}"},
              {"from": "gpt", "value": "It is 3 degrees."},
              {"from": "user", "value": "Thanks"},
              {"from": "assistant", "value": "You're welcome."},
              {"from": "human", "value": "Bye"}
            ]}]
            """);

        var session = DatasetLoader.Load(path).Sessions.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.Id, Is.EqualTo("c1"));
            Assert.That(session.SystemPrompt, Is.EqualTo("You are helpful."));
            Assert.That(session.UserMessages,
                Is.EqualTo(new[] { "Weather in Oslo?", "Thanks", "Bye" }));
            Assert.That(
                session.AssistantReplies,
                Is.EqualTo(new[] { "It is 3 degrees.", "You're welcome.", "" }));
        }
    }

    [Test]
    public void Load_ShareGptWithEmptiedQuestion_DropsItsReplyInsteadOfMisaligning()
    {
        var path = _files.Write("gaps.json", """
            {"conversations": [
              {"from": "gpt", "value": "Greeting before any question"},
              {"from": "human", "value": "q1"},
              {"from": "gpt", "value": "a1"},
              {"from": "human", "value": "  "},
              {"from": "gpt", "value": "answer to the blank question"},
              {"from": "human", "value": "q3"},
              {"from": "gpt", "value": ""}
            ]}
            """);

        var result = DatasetLoader.Load(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Format, Is.EqualTo(DatasetFormat.JsonSingleObject));
            Assert.That(result.Sessions[0].UserMessages, Is.EqualTo(new[] { "q1", "q3" }));
            Assert.That(result.Sessions[0].AssistantReplies, Is.EqualTo(new[] { "a1", "" }));
        }
    }

    [Test]
    public void Load_OpenAiMessagesWithContentParts_KeepsTextPartsOnly()
    {
        var path = _files.Write("openai.json", """
            [
              {"messages": [
                {"role": "system", "content": "Sys"},
                {"role": "user", "content": [
                  {"type": "text", "text": "Describe"},
                  {"type": "image_url", "image_url": {"url": "x.png"}},
                  {"type": "text", "text": "briefly"}]},
                {"role": "assistant", "content": "A cat."}]},
              {"messages": [
                {"content": "Plain", "role": "user"},
                {"role": "tool", "content": "ignored"}]}
            ]
            """);

        var sessions = DatasetLoader.Load(path).Sessions;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sessions[0].SystemPrompt, Is.EqualTo("Sys"));
            Assert.That(sessions[0].UserMessages, Is.EqualTo(new[] { "Describe\nbriefly" }));
            Assert.That(sessions[0].AssistantReplies, Is.EqualTo(new[] { "A cat." }));
            Assert.That(sessions[1].UserMessages, Is.EqualTo(new[] { "Plain" }));
            Assert.That(sessions[1].AssistantReplies, Is.Null);
        }
    }

    [Test]
    public void Load_TurnsWithQuestionId_UsesQuestionIdAndAllTurns()
    {
        var path = _files.WriteLines(
            "bench.jsonl",
            """{"question_id": 81, "category": "writing", "turns": ["t1", "t2"]}""");

        var session = DatasetLoader.Load(path).Sessions.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.Id, Is.EqualTo("81"));
            Assert.That(session.UserMessages, Is.EqualTo(new[] { "t1", "t2" }));
        }
    }

    [Test]
    public void Load_ObjectWithDataArray_ReadsTheArray()
    {
        var path = _files.Write("wrapped.json", """{"data": [{"text": "a"}, {"text": "b"}]}""");

        var result = DatasetLoader.Load(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Format, Is.EqualTo(DatasetFormat.JsonDataObject));
            Assert.That(result.Sessions, Has.Count.EqualTo(2));
        }
    }

    [TestCase("lines.json")]
    [TestCase("lines.ndjson")]
    [TestCase("lines.txt")]
    public void Load_JsonLinesUnderAnyExtension_IsRecognised(string fileName)
    {
        var path = _files.WriteLines(fileName, """{"text": "a"}""", "", """{"text": "b"}""");

        var result = DatasetLoader.Load(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Format, Is.EqualTo(DatasetFormat.Jsonl));
            Assert.That(result.Sessions, Has.Count.EqualTo(2));
        }
    }

    [Test]
    public void Load_Utf8ByteOrderMark_IsAccepted()
    {
        var path = Path.Combine(_files.Path, "bom.json");
        File.WriteAllText(path, """[{"text": "naïve café"}]""",
            new System.Text.UTF8Encoding(true));

        var session = DatasetLoader.Load(path).Sessions.Single();

        Assert.That(session.UserMessages[0], Is.EqualTo("naïve café"));
    }

    [Test]
    public void Load_RepeatedAndMissingIds_MakesEveryIdUnique()
    {
        var path = _files.WriteLines(
            "ids.jsonl",
            """{"id": "a", "text": "1"}""",
            """{"id": "a", "text": "2"}""",
            """{"text": "3"}""",
            """{"id": "a#2", "text": "4"}""",
            """{"id": "s2", "text": "5"}""",
            """{"id": "a", "text": "6"}""");

        var ids = DatasetLoader.Load(path).Sessions.Select(s => s.Id);

        Assert.That(ids, Is.EqualTo(new[] { "a", "a#2", "s2", "a#2#2", "s2#2", "a#3" }));
    }

    [Test]
    public void Load_EntriesWithoutUserText_AreSkippedCountedAndLocated()
    {
        var path = _files.WriteLines(
            "mixed.jsonl",
            """{"text": "kept"}""",
            """{"text": "   "}""",
            "",
            """{"conversations": [{"from": "gpt", "value": "reply only"}]}""",
            """{"input": "x", "context": "y"}""",
            """{"prompt": "kept too"}""");

        var result = DatasetLoader.Load(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Sessions.Select(s => s.Id), Is.EqualTo(new[] { "s0", "s4" }));
            Assert.That(result.Sessions[1].SourceIndex, Is.EqualTo(4));
            Assert.That(result.SkippedCount, Is.EqualTo(3));
            Assert.That(
                result.SkippedEntries.Select(s => s.Location),
                Is.EqualTo(new[] { "line 2", "line 4", "line 5" }));
            Assert.That(result.SkippedEntries[1].Reason, Does.Contain("no non-empty user message"));
            Assert.That(result.SkippedEntries[2].Reason, Does.Contain("\"input\", \"context\""));
            Assert.That(result.SkippedEntries[2].Reason, Does.Contain("accepted shapes"));
        }
    }
}
