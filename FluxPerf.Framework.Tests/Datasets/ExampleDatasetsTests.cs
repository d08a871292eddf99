using FluxPerf.Datasets;
using NUnit.Framework;

namespace FluxPerf.Tests.Datasets;

/// <summary>
/// The loader against real, unedited dataset files (see examples/datasets/PROVENANCE.md).
/// </summary>
[TestFixture]
public sealed class ExampleDatasetsTests
{
    [Test]
    public void Load_FastChatDummyConversations_ReadsAllRoundsWithReplies()
    {
        var result = DatasetLoader.Load(ExampleDatasets.PathOf("fastchat_dummy_conversation.json"));

        var third = result.Sessions[2];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Sessions, Has.Count.EqualTo(500));
            Assert.That(result.SkippedCount, Is.Zero);
            Assert.That(result.Shapes[EntryShape.ShareGpt], Is.EqualTo(500));
            Assert.That(result.Sessions[^1].Id, Is.EqualTo("identity_499"));
            Assert.That(
                result.Sessions.GroupBy(s => s.UserMessages.Count)
                    .ToDictionary(g => g.Key, g => g.Count()),
                Is.EqualTo(new Dictionary<int, int> { [1] = 167, [2] = 166, [3] = 167 }));
            Assert.That(third.Id, Is.EqualTo("identity_2"));
            Assert.That(third.UserMessages,
                Is.EqualTo(new[] { "What is up?", "Who are you?", "Goodbye" }));
            Assert.That(third.AssistantReplies![0], Is.EqualTo("Hello! How can I help you today?"));
            Assert.That(third.AssistantReplies[2], Does.StartWith("Goodbye! If you have"));
        }
    }

    [Test]
    public void Load_MlEnergyShareGpt_ReadsFirstTurnsWithoutRepliesAndKeepsNonAscii()
    {
        var result = DatasetLoader.Load(
            ExampleDatasets.PathOf("mlenergy_ShareGPT_V3_filtered_first50.json"));

        var korean = result.Sessions.Single(s => s.Id == "l4MsKo7_0");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Sessions, Has.Count.EqualTo(50));
            Assert.That(result.Sessions[0].Id, Is.EqualTo("fzcoUcK_0"));
            Assert.That(result.Sessions.Select(s => s.AssistantReplies), Is.All.Null);
            Assert.That(result.Sessions.Select(s => s.UserMessages.Count), Is.All.EqualTo(1));
            Assert.That(korean.UserMessages[0],
                Does.StartWith("헤갤의 변증법에 대해 설명해주세요."));
        }
    }

    [Test]
    public void Load_MtBenchQuestions_ReadsTwoTurnsPerQuestion()
    {
        var result = DatasetLoader.Load(ExampleDatasets.PathOf("fastchat_mt_bench_question.jsonl"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Format, Is.EqualTo(DatasetFormat.Jsonl));
            Assert.That(result.Sessions, Has.Count.EqualTo(80));
            Assert.That(result.Sessions.Select(s => s.UserMessages.Count), Is.All.EqualTo(2));
            Assert.That(result.Sessions[0].Id, Is.EqualTo("81"));
            Assert.That(result.Sessions[^1].Id, Is.EqualTo("160"));
            Assert.That(result.Sessions[0].UserMessages[1],
                Does.StartWith("Rewrite your previous response."));
        }
    }

    [Test]
    public void Load_LlamaFactoryKtoMessages_ReadsMultiTurnConversations()
    {
        var result = DatasetLoader.Load(
            ExampleDatasets.PathOf("llamafactory_kto_en_demo_first30.json"));

        var longest = result.Sessions[21];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Sessions, Has.Count.EqualTo(30));
            Assert.That(result.Shapes[EntryShape.OpenAiMessages], Is.EqualTo(30));
            Assert.That(result.Sessions.Count(s => s.UserMessages.Count > 1), Is.EqualTo(8));
            Assert.That(result.Sessions[0].Id, Is.EqualTo("s0"));
            Assert.That(longest.UserMessages, Has.Count.EqualTo(6));
            Assert.That(longest.AssistantReplies, Has.Count.EqualTo(6).And.All.Not.Empty);
        }
    }
}
