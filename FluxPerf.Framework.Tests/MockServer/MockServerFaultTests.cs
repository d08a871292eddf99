using System.Net;
using FluxPerf.MockServer;
using NUnit.Framework;

namespace FluxPerf.Tests.MockServer;

[TestFixture]
public sealed class MockServerFaultTests
{
    [Test]
    public async Task ErrorRate_One_AnswersErrorStatusWithVllmBody()
    {
        await using var server = await MockHttpServers.StartAsync(o =>
        {
            o.ErrorRate = 1;
            o.ErrorStatus = 503;
        });
        using var client = MockHttp.Client(server);

        var response = await MockHttp.PostAsync(client, "v1/chat/completions",
            MockHttp.Chat("hi", maxTokens: 2), "fails");

        var error = response.Json.GetProperty("error");
        server.Journal.TryGet("fails", out var trace);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(error.GetProperty("type").GetString(),
                Is.EqualTo("ServiceUnavailableError"));
            Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(503));
            Assert.That(trace?.Outcome, Is.EqualTo(MockOutcomes.HttpError));
        }
    }

    [Test]
    public async Task MidStreamErrorRate_One_SendsTokensThenErrorEventThenDone()
    {
        await using var server = await MockHttpServers.StartAsync(o => o.MidStreamErrorRate = 1);
        using var client = MockHttp.Client(server);

        var response = await MockHttp.PostAsync(client, "v1/chat/completions",
            MockHttp.Chat("hi", maxTokens: 8), "mid");

        var events = response.JsonEvents;
        server.Journal.TryGet("mid", out var trace);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(events[^1].GetProperty("error").GetProperty("code").GetInt32(),
                Is.EqualTo(500));
            Assert.That(response.Events[^1], Is.EqualTo("[DONE]"));
            Assert.That(trace?.CompletionTokens, Is.EqualTo(4), "half of the 8 events");
            Assert.That(trace?.Outcome, Is.EqualTo(MockOutcomes.MidStreamError));
        }
    }

    [Test]
    public async Task DropConnectionRate_One_AbortsTheStreamWithoutDone()
    {
        await using var server = await MockHttpServers.StartAsync(o => o.DropConnectionRate = 1);
        using var client = MockHttp.Client(server);

        var read = MockHttp.PostAsync(client, "v1/chat/completions",
            MockHttp.Chat("hi", maxTokens: 8), "dropped");

        Assert.That(async () => await read, Throws.InstanceOf<HttpRequestException>()
            .Or.InstanceOf<IOException>());
        server.Journal.TryGet("dropped", out var trace);
        Assert.That(trace?.Outcome, Is.EqualTo(MockOutcomes.DroppedConnection));
    }

    [Test]
    public async Task StallBeforeFirstToken_DelaysTheFirstTokenInTheJournal()
    {
        await using var server = await MockHttpServers.StartAsync(o =>
            o.StallBeforeFirstTokenMs = 150);
        using var client = MockHttp.Client(server);

        await MockHttp.PostAsync(client, "v1/chat/completions",
            MockHttp.Chat("hi", maxTokens: 1), "stalled");

        server.Journal.TryGet("stalled", out var trace);
        Assert.That(MockServerCacheTests.TtftMs(trace!), Is.GreaterThanOrEqualTo(150));
    }

    [Test]
    public async Task FaultDecisions_SameSeedAndIds_AreReproducible()
    {
        var ids = Enumerable.Range(0, 40).Select(i => $"req-{i}").ToList();

        var first = await FailingIdsAsync(ids);
        var second = await FailingIdsAsync(ids);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first, Has.Count.InRange(8, 32), "about half of 40 at rate 0.5");
        }
    }

    [Test]
    public async Task ApiKey_Set_GuardsV1ButNotHealth()
    {
        await using var server = await MockHttpServers.StartAsync(o => o.ApiKey = "s3cret");
        using var anonymous = MockHttp.Client(server);
        using var wrong = MockHttp.Client(server, "other");
        using var right = MockHttp.Client(server, "s3cret");
        var body = MockHttp.Chat("hi", maxTokens: 1);

        var denied = await MockHttp.PostAsync(anonymous, "v1/chat/completions", body);
        var wrongKey = await MockHttp.PostAsync(wrong, "v1/chat/completions", body);
        var allowed = await MockHttp.PostAsync(right, "v1/chat/completions", body);
        using var health = await anonymous.GetAsync(new Uri("health", UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(denied.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(denied.Body, Is.EqualTo("{\"error\":\"Unauthorized\"}"));
            Assert.That(wrongKey.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(allowed.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    private static async Task<List<string>> FailingIdsAsync(IReadOnlyList<string> ids)
    {
        await using var server = await MockHttpServers.StartAsync(o => o.ErrorRate = 0.5);
        using var client = MockHttp.Client(server);
        var failing = new List<string>();
        foreach (var id in ids)
        {
            var response = await MockHttp.PostAsync(client, "v1/completions",
                MockHttp.CompletionTokens(4, maxTokens: 1), id);
            if (response.Status != HttpStatusCode.OK)
            {
                failing.Add(id);
            }
        }

        return failing;
    }
}
