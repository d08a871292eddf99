using System.Text;
using FluxPerf.Client;
using NUnit.Framework;

namespace FluxPerf.Tests.Client;

// Events are stamped i × 10 ms by SseFixtures.MeasureAsync, so event 0 (the role event) is at
// 0 ms and the first content event at 10 ms.
[TestFixture]
public sealed class ResponseAccumulatorTests
{
    [Test]
    public async Task Measure_VllmChatFixture_FirstTokenIsTheFirstContentNotTheRoleEvent()
    {
        var measurement = await SseFixtures.MeasureAsync(SseFixtures.Bytes(SseFixtures.Chat), 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Succeeded, Is.True, measurement.ErrorMessage);
            Assert.That(measurement.FirstTokenTimestamp, Is.EqualTo(SseFixtures.Ms(10)));
            Assert.That(measurement.TokenEvents, Is.EqualTo(8), "7 content events + EOS event");
            Assert.That(measurement.LastTokenTimestamp, Is.EqualTo(SseFixtures.Ms(80)));
            Assert.That(measurement.InterTokenLatenciesMs, Has.Count.EqualTo(7));
            Assert.That(measurement.InterTokenLatenciesMs, Is.All.EqualTo(10).Within(1e-6));
            Assert.That(measurement.PromptTokens, Is.EqualTo(45));
            Assert.That(measurement.CompletionTokens, Is.EqualTo(8));
            Assert.That(measurement.CachedTokens, Is.EqualTo(32));
            Assert.That(measurement.OutputTokens, Is.EqualTo(8));
            Assert.That(measurement.OutputTokensEstimated, Is.False);
            Assert.That(measurement.FinishReason, Is.EqualTo("stop"));
            Assert.That(measurement.ResponseText, Is.EqualTo("The capital of France is Paris."));
            Assert.That(measurement.MalformedEvents, Is.Zero);
        }
    }

    [Test]
    public async Task Measure_UsageWithoutCachedTokensKey_ReportsZeroCached()
    {
        var body = SseFixtures.Bytes(SseFixtures.ChatRoundOne);

        var measurement = await SseFixtures.MeasureAsync(body, 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.CachedTokens, Is.Zero);
            Assert.That(measurement.PromptTokens, Is.EqualTo(45));
        }
    }

    [Test]
    public async Task Measure_CompletionsFixture_CountsTextTokensAndUsage()
    {
        var body = SseFixtures.Bytes(SseFixtures.Completions);

        var measurement = await SseFixtures.MeasureAsync(body, 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Succeeded, Is.True, measurement.ErrorMessage);
            Assert.That(measurement.FirstTokenTimestamp, Is.Zero, "completions has no role event");
            Assert.That(measurement.TokenEvents, Is.EqualTo(8));
            Assert.That(measurement.OutputTokens, Is.EqualTo(8));
            Assert.That(measurement.CachedTokens, Is.Zero);
            Assert.That(measurement.ResponseText, Is.EqualTo(" Paris. It is the capital and"));
        }
    }

    [Test]
    public async Task Measure_NoUsageEvent_EstimatesOutputTokensFromEventsIncludingEos()
    {
        var lines = SseFixtures.Text(SseFixtures.Chat).Split('\n')
            .Where(line => !line.Contains("\"usage\"", StringComparison.Ordinal));
        var body = Encoding.UTF8.GetBytes(string.Join('\n', lines));

        var measurement = await SseFixtures.MeasureAsync(body, 7);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.OutputTokens, Is.EqualTo(8));
            Assert.That(measurement.OutputTokensEstimated, Is.True);
            Assert.That(measurement.PromptTokens, Is.Null);
            Assert.That(measurement.CachedTokens, Is.Null);
        }
    }

    [Test]
    public async Task Measure_ContinuousUsageFourTokensPerEvent_SplitsEachGapIntoFourSamples()
    {
        var body = new StreamBuilder()
            .Role(usage: 0)
            .Content("a b c d", usage: 4)
            .Content("e f g h", usage: 8)
            .Content("i j k l", usage: 12, finish: "length")
            .Usage(prompt: 100, completion: 12)
            .Done()
            .Build();

        var measurement = await SseFixtures.MeasureAsync(body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.TokenEvents, Is.EqualTo(3));
            Assert.That(measurement.InterTokenLatenciesMs, Has.Count.EqualTo(8));
            Assert.That(measurement.InterTokenLatenciesMs, Is.All.EqualTo(2.5).Within(1e-6));
            Assert.That(measurement.OutputTokens, Is.EqualTo(12));
            Assert.That(measurement.TpotMs, Is.EqualTo(20.0 / 11).Within(1e-6));
        }
    }

    [Test]
    public async Task Measure_ErrorEventThenDone_IsStreamErrorDespiteStatus200()
    {
        var body = new StreamBuilder()
            .Role()
            .Content("Hello")
            .Raw("{\"error\":{\"message\":\"engine died\",\"type\":\"InternalServerError\","
                + "\"code\":500}}")
            .Done()
            .Build();

        var measurement = await SseFixtures.MeasureAsync(body, 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Error, Is.EqualTo(RequestErrorKind.StreamError));
            Assert.That(measurement.ErrorMessage, Is.EqualTo("engine died"));
            Assert.That(measurement.HttpStatus, Is.EqualTo(200));
        }
    }

    [Test]
    public async Task Measure_MalformedEvent_IsSkippedAndCounted()
    {
        var body = new StreamBuilder()
            .Role()
            .Content("Hello")
            .Raw("{\"choices\":[{\"delta\":{\"content\":\"trunc")
            .Content(" world", finish: "stop")
            .Done()
            .Build();

        var measurement = await SseFixtures.MeasureAsync(body, 4);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Succeeded, Is.True, measurement.ErrorMessage);
            Assert.That(measurement.MalformedEvents, Is.EqualTo(1));
            Assert.That(measurement.TokenEvents, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Measure_RoleThenEmptyFinishOnly_IsInvalidWithoutFirstToken()
    {
        var body = new StreamBuilder().Role().Content("", finish: "stop").Done().Build();

        var measurement = await SseFixtures.MeasureAsync(body, 9);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Error, Is.EqualTo(RequestErrorKind.InvalidResponse));
            Assert.That(measurement.FirstTokenTimestamp, Is.Null);
            Assert.That(measurement.TtftMs, Is.Null);
        }
    }

    [TestCase("{\"reasoning_content\":\"think\"}")]
    [TestCase("{\"reasoning\":\"think\"}")]
    [TestCase("{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"f\"}}]}")]
    public async Task Measure_ReasoningOrToolCallDelta_MarksFirstToken(string delta)
    {
        var body = new StreamBuilder()
            .Role()
            .Raw($"{{\"choices\":[{{\"index\":0,\"delta\":{delta},\"finish_reason\":null}}]}}")
            .Content("answer", finish: "stop")
            .Done()
            .Build();

        var measurement = await SseFixtures.MeasureAsync(body, 11);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.FirstTokenTimestamp, Is.EqualTo(SseFixtures.Ms(10)));
            Assert.That(measurement.ResponseText, Is.EqualTo("answer"));
        }
    }

    [Test]
    public async Task Measure_TruncatedStream_IsConnectionDroppedWithPartialTimings()
    {
        var whole = SseFixtures.Bytes(SseFixtures.Chat);
        var body = whole.AsSpan(0, whole.Length / 2).ToArray();

        var measurement = await SseFixtures.MeasureAsync(body, 13);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Error, Is.EqualTo(RequestErrorKind.ConnectionDropped));
            Assert.That(measurement.FirstTokenTimestamp, Is.Not.Null);
            Assert.That(measurement.OutputTokensEstimated, Is.True);
        }
    }
}
