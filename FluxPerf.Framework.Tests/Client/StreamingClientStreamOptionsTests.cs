using System.Text;
using FluxPerf.Client;
using NUnit.Framework;

namespace FluxPerf.Tests.Client;

/// <summary>The retry-once-and-remember rule for servers that reject stream_options.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class StreamingClientStreamOptionsTests
{
    [Test]
    public async Task SendAsync_ServerNamesStreamOptions_RetriesOnceAndRemembers()
    {
        await using var server = await StreamOptionsRejectingServer.StartAsync(
            "stream_options: Extra inputs are not permitted");
        using var client = Client(server);

        var first = await SendAsync(client, "a");
        var second = await SendAsync(client, "b");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Succeeded, Is.True, first.ErrorMessage);
            Assert.That(second.Succeeded, Is.True, second.ErrorMessage);
            Assert.That(server.WithOptions, Is.EqualTo(1), "only the first attempt asks for usage");
            Assert.That(server.WithoutOptions, Is.EqualTo(2));
            Assert.That(second.OutputTokens, Is.EqualTo(3));
            Assert.That(second.OutputTokensEstimated, Is.True);
            var body = client.BuildBody(ClientTestRequests.Prompt("c", 3, 4));
            Assert.That(Encoding.UTF8.GetString(body), Does.Not.Contain("stream_options"),
                "later bodies leave it out");
        }
    }

    [Test]
    public async Task SendAsync_GenericBadRequestOnFirstUse_RetriesAndRemembersWhenRetryStreams()
    {
        await using var server = await StreamOptionsRejectingServer.StartAsync("Bad Request");
        using var client = Client(server);

        var first = await SendAsync(client, "a");
        var second = await SendAsync(client, "b");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Succeeded, Is.True, first.ErrorMessage);
            Assert.That(second.Succeeded, Is.True, second.ErrorMessage);
            Assert.That(server.WithOptions, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task SendAsync_RequestThatIsSimplyBad_DoesNotSwitchUsageOff()
    {
        await using var server = await StreamOptionsRejectingServer.StartAsync(
            "prompt is too long", rejectEverything: true);
        using var client = Client(server);

        var first = await SendAsync(client, "a");
        var second = await SendAsync(client, "b");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Error, Is.EqualTo(RequestErrorKind.HttpError));
            Assert.That(first.ErrorMessage, Is.EqualTo("prompt is too long"));
            Assert.That(second.Error, Is.EqualTo(RequestErrorKind.HttpError));
            Assert.That(server.WithOptions, Is.EqualTo(2),
                "each request still asks for usage first");
            Assert.That(server.WithoutOptions, Is.EqualTo(2), "and retries once");
        }
    }

    private static Task<ResponseMeasurement> SendAsync(StreamingClient client, string id) =>
        client.SendAsync(
            ClientTestRequests.Prompt(id, 5, 3), Timestamps.Now(), CancellationToken.None);

    private static StreamingClient Client(StreamOptionsRejectingServer server) =>
        new(ClientTestRequests.Options(server.ChatCompletionsUri));
}
