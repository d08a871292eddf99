using System.ClientModel;
using System.Text;
using FluxPerf.MockServer;
using NUnit.Framework;
using OpenAI;
using OpenAI.Chat;

namespace FluxPerf.Tests.MockServer;

[TestFixture]
public sealed class MockServerOpenAiSdkTests
{
    [Test]
    public async Task OpenAiSdk_StreamingChat_ReceivesTextAndUsage()
    {
        await using var server = await MockHttpServers.StartAsync();
        var client = new ChatClient("fluxperf-mock", new ApiKeyCredential("x"),
            new OpenAIClientOptions { Endpoint = new Uri(server.BaseAddress, "v1") });
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 6 };
        var text = new StringBuilder();
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));

        await foreach (var update in client.CompleteChatStreamingAsync(
            [new UserChatMessage("Write a haiku about caches.")], options, timeout.Token))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            usage ??= update.Usage;
            finish ??= update.FinishReason;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text.ToString(), Is.Not.Empty);
            Assert.That(usage?.OutputTokenCount, Is.EqualTo(6));
            Assert.That(usage?.InputTokenCount, Is.GreaterThan(0));
            Assert.That(finish, Is.EqualTo(ChatFinishReason.Length));
            Assert.That(server.Journal.All.Single().Outcome, Is.EqualTo(MockOutcomes.Completed));
        }
    }
}
