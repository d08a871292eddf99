using System.Net;
using System.Net.Sockets;
using FluxPerf.Client;
using FluxPerf.MockServer;
using NUnit.Framework;
using MockHost = FluxPerf.MockServer.MockServer;

namespace FluxPerf.Tests.Client;

/// <summary>Every fault the mock can inject is recorded, never thrown, as the right kind.
/// </summary>
[TestFixture]
[CancelAfter(60_000)]
public sealed class StreamingClientFailureTests
{
    [Test]
    public async Task SendAsync_ServerAnswers503_RecordsHttpErrorWithServerMessage()
    {
        await using var mock = await MockHost.StartAsync(
            new MockServerOptions { ErrorRate = 1, ErrorStatus = 503 });

        var measurement = await SendOneAsync(mock.ChatCompletionsUri);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Error, Is.EqualTo(RequestErrorKind.HttpError));
            Assert.That(measurement.HttpStatus, Is.EqualTo(503));
            Assert.That(measurement.ErrorMessage, Is.Not.Empty.And.Not.StartWith("{"));
            Assert.That(measurement.FirstTokenTimestamp, Is.Null);
        }
    }

    [Test]
    public async Task SendAsync_ErrorEventMidStream_RecordsStreamErrorDespite200AndDone()
    {
        await using var mock = await MockHost.StartAsync(
            new MockServerOptions { MidStreamErrorRate = 1 });

        var measurement = await SendOneAsync(mock.ChatCompletionsUri);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Error, Is.EqualTo(RequestErrorKind.StreamError));
            Assert.That(measurement.HttpStatus, Is.EqualTo(200));
            Assert.That(measurement.ErrorMessage, Does.Contain("mid-stream"));
            Assert.That(measurement.FirstTokenTimestamp, Is.Not.Null);
        }
    }

    [Test]
    public async Task SendAsync_ConnectionAbortedMidStream_RecordsConnectionDropped()
    {
        await using var mock = await MockHost.StartAsync(
            new MockServerOptions { DropConnectionRate = 1 });

        var measurement = await SendOneAsync(mock.ChatCompletionsUri);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Error, Is.EqualTo(RequestErrorKind.ConnectionDropped),
                measurement.ErrorMessage);
            Assert.That(measurement.HttpStatus, Is.EqualTo(200));
            Assert.That(measurement.TokenEvents, Is.GreaterThan(0));
        }
    }

    [Test]
    public async Task SendAsync_WrongApiKey_Records401Unauthorized()
    {
        await using var mock = await MockHost.StartAsync(
            new MockServerOptions { ApiKey = "right-key" });
        var variable = $"FLUXPERF_CLIENT_TEST_KEY_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "wrong-key");
        try
        {
            var options = ClientTestRequests.Options(mock.ChatCompletionsUri) with
            {
                ApiKeyEnvironmentVariable = variable,
            };

            var measurement = await SendOneAsync(options);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(measurement.Error, Is.EqualTo(RequestErrorKind.HttpError));
                Assert.That(measurement.HttpStatus, Is.EqualTo(401));
                Assert.That(measurement.ErrorMessage, Is.EqualTo("Unauthorized"));
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public async Task SendAsync_RightApiKey_Succeeds()
    {
        await using var mock = await MockHost.StartAsync(
            new MockServerOptions { ApiKey = "right-key" });
        var variable = $"FLUXPERF_CLIENT_TEST_KEY_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "right-key");
        try
        {
            var options = ClientTestRequests.Options(mock.ChatCompletionsUri) with
            {
                ApiKeyEnvironmentVariable = variable,
            };

            var measurement = await SendOneAsync(options);

            Assert.That(measurement.Succeeded, Is.True, measurement.ErrorMessage);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public async Task SendAsync_ClosedPort_RecordsConnectionFailed()
    {
        var endpoint = new Uri($"http://127.0.0.1:{ClosedPort()}/v1/chat/completions");

        var measurement = await SendOneAsync(endpoint);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Error, Is.EqualTo(RequestErrorKind.ConnectionFailed));
            Assert.That(measurement.HttpStatus, Is.Null);
            Assert.That(measurement.ErrorMessage, Is.Not.Empty);
        }
    }

    [Test]
    public async Task SendAsync_StallLongerThanRequestTimeout_RecordsTimeout()
    {
        await using var mock = await MockHost.StartAsync(
            new MockServerOptions { StallBeforeFirstTokenMs = 10_000 });
        var options = ClientTestRequests.Options(mock.ChatCompletionsUri) with
        {
            RequestTimeout = TimeSpan.FromMilliseconds(300),
        };

        var measurement = await SendOneAsync(options);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Error, Is.EqualTo(RequestErrorKind.Timeout));
            // The timer runs from just before the send stamp, and .NET's timer queue can fire a
            // few ms early against the monotonic clock (seen: 298.6 ms for 300), so allow 10 ms.
            Assert.That(measurement.E2eLatencyMs, Is.GreaterThanOrEqualTo(290));
            Assert.That(measurement.FirstTokenTimestamp, Is.Null);
            Assert.That(measurement.ErrorMessage, Does.Contain("0.3 s"));
        }
    }

    [Test]
    public async Task SendAsync_RunCancelledInFlight_RecordsCancelled()
    {
        await using var mock = await MockHost.StartAsync(
            new MockServerOptions { StallBeforeFirstTokenMs = 10_000 });
        using var client = new StreamingClient(ClientTestRequests.Options(mock.ChatCompletionsUri));
        using var run = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var measurement = await client.SendAsync(
            ClientTestRequests.Prompt("cancelled", 10, 8), Timestamps.Now(), run.Token);

        Assert.That(measurement.Error, Is.EqualTo(RequestErrorKind.Cancelled));
    }

    [Test]
    public void Constructor_ApiKeyVariableUnset_ThrowsNamingTheVariable()
    {
        var endpoint = new Uri("http://127.0.0.1:9/v1/chat/completions");
        var options = ClientTestRequests.Options(endpoint) with
        {
            ApiKeyEnvironmentVariable = "FLUXPERF_CLIENT_TEST_UNSET_VARIABLE",
        };

        Assert.That(() => new StreamingClient(options), Throws.InvalidOperationException
            .With.Message.Contains("FLUXPERF_CLIENT_TEST_UNSET_VARIABLE"));
    }

    private static Task<ResponseMeasurement> SendOneAsync(Uri endpoint) =>
        SendOneAsync(ClientTestRequests.Options(endpoint));

    private static async Task<ResponseMeasurement> SendOneAsync(ClientOptions options)
    {
        using var client = new StreamingClient(options);
        return await client.SendAsync(
            ClientTestRequests.Prompt("fault", 20, 16), Timestamps.Now(), CancellationToken.None);
    }

    // A port that was just free and is now closed: connecting to it is refused at once.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
