using System.Net;
using System.Text.Json;
using FluxPerf.MockServer;
using NUnit.Framework;
using MockServerHost = FluxPerf.MockServer.MockServer;

namespace FluxPerf.Tests.MockServer;

[TestFixture]
public sealed class MockServerStreamingTests
{
    private MockServerHost _server = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await MockServerHost.StartAsync(new MockServerOptions
        {
            BaseTtftMs = 1,
            ItlMs = 1,
        });
        _client = MockHttp.Client(_server);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task ChatStream_WithUsage_FollowsVllmEventSequence()
    {
        var response = await MockHttp.PostAsync(_client, "v1/chat/completions",
            MockHttp.Chat("Name three rivers.", maxTokens: 4), "chat-seq");

        var events = response.JsonEvents;
        var choices = events.Take(5).Select(e => e.GetProperty("choices")[0]).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.ContentType, Is.EqualTo("text/event-stream"));
            Assert.That(response.Headers.GetValues("x-request-id"),
                Is.EqualTo(new[] { "chat-seq" }));
            Assert.That(response.Events, Has.Count.EqualTo(7));
            Assert.That(response.Events[^1], Is.EqualTo("[DONE]"));
            Assert.That(choices[0].GetProperty("delta").GetRawText(),
                Is.EqualTo("{\"role\":\"assistant\",\"content\":\"\"}"));
            Assert.That(choices.Skip(1).Select(c => c.GetProperty("delta")
                .GetProperty("content").GetString()), Has.All.Not.Empty);
            Assert.That(choices.Select(c => c.GetProperty("finish_reason").ToString()),
                Is.EqualTo(new[] { "", "", "", "", "length" }));
            Assert.That(events[5].GetProperty("choices").GetArrayLength(), Is.Zero);
            Assert.That(events[5].GetProperty("usage").GetProperty("completion_tokens").GetInt32(),
                Is.EqualTo(4));
            Assert.That(events.Select(e => e.GetProperty("id").GetString()), Has.All.EqualTo(
                "chatcmpl-chat-seq"));
        }
    }

    [Test]
    public async Task CompletionsStream_EveryEventCarriesEveryField()
    {
        var body = "{\"model\":\"fluxperf-mock\",\"prompt\":\"The capital of France is\","
            + "\"max_tokens\":3,\"stream\":true,\"stream_options\":{\"include_usage\":true}}";

        var response = await MockHttp.PostAsync(_client, "v1/completions", body);

        var events = response.JsonEvents;
        var tokenEvents = events.Take(3).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(events, Has.Count.EqualTo(4));
            Assert.That(tokenEvents.Select(e => e.GetProperty("object").GetString()),
                Has.All.EqualTo("text_completion"));
            Assert.That(tokenEvents.Select(e => e.GetProperty("choices")[0].GetProperty("text")
                .GetString()), Has.All.Not.Empty);
            Assert.That(tokenEvents.Select(e => e.GetProperty("usage").ValueKind),
                Has.All.EqualTo(JsonValueKind.Null));
            Assert.That(tokenEvents[2].GetProperty("choices")[0].GetProperty("finish_reason")
                .GetString(), Is.EqualTo("length"));
            Assert.That(tokenEvents.Select(e => e.GetProperty("choices")[0]
                .TryGetProperty("stop_reason", out _)), Has.All.True);
            Assert.That(events[3].GetProperty("usage").GetProperty("total_tokens").GetInt32(),
                Is.EqualTo(events[3].GetProperty("usage").GetProperty("prompt_tokens").GetInt32()
                    + 3));
        }
    }

    [Test]
    public async Task ChatStream_ContinuousUsageAndTokensPerEvent_EventsCarryRunningCounts()
    {
        await using var server = await MockHttpServers.StartAsync(o => o.TokensPerEvent = 3);
        using var client = MockHttp.Client(server);

        var response = await MockHttp.PostAsync(client, "v1/chat/completions",
            MockHttp.Chat("Count to seven.", maxTokens: 7, continuous: true), "continuous");

        var running = response.JsonEvents.Take(4)
            .Select(e => e.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        server.Journal.TryGet("continuous", out var trace);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(running, Is.EqualTo(new[] { 0, 3, 6, 7 }));
            Assert.That(trace?.TokensPerEvent, Is.EqualTo(new[] { 3, 3, 1 }));
            Assert.That(trace?.CompletionTokens, Is.EqualTo(7));
        }
    }

    [Test]
    public async Task ChatNonStreaming_ReturnsMessageAndUsage()
    {
        var response = await MockHttp.PostAsync(_client, "v1/chat/completions",
            MockHttp.Chat("Say hello.", maxTokens: 5, stream: false));

        var json = response.Json;
        var choice = json.GetProperty("choices")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.GetProperty("object").GetString(), Is.EqualTo("chat.completion"));
            Assert.That(choice.GetProperty("message").GetProperty("content").GetString(),
                Is.Not.Empty);
            Assert.That(choice.GetProperty("finish_reason").GetString(), Is.EqualTo("length"));
            Assert.That(json.GetProperty("usage").GetProperty("completion_tokens").GetInt32(),
                Is.EqualTo(5));
        }
    }

    [Test]
    public async Task Chat_MaxCompletionTokens_WinsOverMaxTokens()
    {
        var body = "{\"model\":\"fluxperf-mock\",\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"hi\"}],\"max_tokens\":9,\"max_completion_tokens\":2,\"stream\":false}";

        var response = await MockHttp.PostAsync(_client, "v1/chat/completions", body);

        Assert.That(response.Json.GetProperty("usage").GetProperty("completion_tokens").GetInt32(),
            Is.EqualTo(2));
    }

    [Test]
    public async Task Chat_SamePromptTwice_GivesTheSameText()
    {
        var body = MockHttp.Chat("Tell me about caches.", maxTokens: 12, stream: false);

        var first = await MockHttp.PostAsync(_client, "v1/chat/completions", body);
        var second = await MockHttp.PostAsync(_client, "v1/chat/completions", body);

        Assert.That(TextOf(second), Is.EqualTo(TextOf(first)));
    }

    [Test]
    public async Task Chat_UnknownModel_Returns404WithVllmErrorBody()
    {
        var response = await MockHttp.PostAsync(_client, "v1/chat/completions",
            MockHttp.Chat("hi", maxTokens: 1, model: "gpt-4o"));

        var error = response.Json.GetProperty("error");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(error.GetProperty("message").GetString(),
                Is.EqualTo("The model `gpt-4o` does not exist."));
            Assert.That(error.GetProperty("type").GetString(), Is.EqualTo("NotFoundError"));
            Assert.That(error.GetProperty("param").GetString(), Is.EqualTo("model"));
            Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(404));
        }
    }

    [TestCase("{\"model\": \"fluxperf-mock\", \"messages\": [")]
    [TestCase("{\"model\":\"fluxperf-mock\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
        + "\"stream\":false,\"stream_options\":{\"include_usage\":true}}")]
    [TestCase("{\"model\":\"fluxperf-mock\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
        + "\"max_tokens\":0}")]
    public async Task Chat_InvalidRequest_Returns400WithVllmErrorBody(string body)
    {
        var response = await MockHttp.PostAsync(_client, "v1/chat/completions", body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Json.GetProperty("error").GetProperty("type").GetString(),
                Is.EqualTo("BadRequestError"));
        }
    }

    [Test]
    public async Task InfoEndpoints_AnswerLikeVllm()
    {
        var models = JsonDocument.Parse(await MockHttp.GetStringAsync(_client, "v1/models"))
            .RootElement;
        var version = JsonDocument.Parse(await MockHttp.GetStringAsync(_client, "version"))
            .RootElement;
        using var health = await _client.GetAsync(new Uri("health", UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(models.GetProperty("object").GetString(), Is.EqualTo("list"));
            Assert.That(models.GetProperty("data")[0].GetProperty("id").GetString(),
                Is.EqualTo("fluxperf-mock"));
            Assert.That(version.GetProperty("version").GetString(), Does.StartWith("0."));
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task DebugRequests_KnownId_ServesTheJournalTrace()
    {
        await MockHttp.PostAsync(_client, "v1/chat/completions",
            MockHttp.Chat("trace me", maxTokens: 3), "debug-trace");

        var json = JsonDocument.Parse(
            await MockHttp.GetStringAsync(_client, "debug/requests/debug-trace")).RootElement;
        using var missing = await _client.GetAsync(
            new Uri("debug/requests/nope", UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.GetProperty("outcome").GetString(),
                Is.EqualTo(MockOutcomes.Completed));
            Assert.That(json.GetProperty("tokenEventTimestamps").GetArrayLength(), Is.EqualTo(3));
            Assert.That(json.GetProperty("completionTokens").GetInt32(), Is.EqualTo(3));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    private static string? TextOf(MockResponse response)
    {
        return response.Json.GetProperty("choices")[0].GetProperty("message")
            .GetProperty("content").GetString();
    }
}
