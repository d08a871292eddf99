using System.Text;
using NUnit.Framework;

namespace FluxPerf.Tests.Client;

[TestFixture]
public sealed class SseReaderTests
{
    private static readonly int[][] ReadSizePatterns =
    [
        [1],
        [2, 3, 1],
        [7, 1, 13],
        [64],
        [4096],
    ];

    [TestCaseSource(nameof(FixtureAndReadSizes))]
    public async Task ReadEvent_FixtureSplitAcrossOddReads_YieldsEveryEventWhole(
        string fixture,
        int[] readSizes)
    {
        var body = SseFixtures.Bytes(fixture);
        var expected = ExpectedEvents(fixture);

        var (events, endedMidEvent) = await SseFixtures.ReadAllAsync(body, readSizes, 16);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(events, Is.EqualTo(expected));
            Assert.That(endedMidEvent, Is.False);
        }
    }

    [TestCase("\r\n")]
    [TestCase("\r")]
    public async Task ReadEvent_CrlfOrCrLineEnds_YieldSameEventsAsLf(string lineEnd)
    {
        var body = SseFixtures.Bytes(SseFixtures.Chat, lineEnd);

        // One-byte reads put every CR at the end of a read, splitting each CRLF in two.
        var (events, endedMidEvent) = await SseFixtures.ReadAllAsync(body, [1]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(events, Is.EqualTo(ExpectedEvents(SseFixtures.Chat)));
            Assert.That(endedMidEvent, Is.False);
        }
    }

    [Test]
    public async Task ReadEvent_CommentsEventAndIdLines_AreNotEvents()
    {
        var body = Utf8(": ping\n\nevent: message\nid: 7\nretry: 100\ndata: {\"a\":1}\n\n"
            + ":another comment\ndata: [DONE]\n\n");

        var (events, _) = await SseFixtures.ReadAllAsync(body, [3]);

        Assert.That(events, Is.EqualTo(new[] { "{\"a\":1}", "[DONE]" }));
    }

    [Test]
    public async Task ReadEvent_MultiLineData_JoinsLinesWithLineFeed()
    {
        var body = Utf8("data: {\"a\":\ndata:1}\n\ndata: [DONE]\n\n");

        var (events, _) = await SseFixtures.ReadAllAsync(body, [5]);

        Assert.That(events, Is.EqualTo(new[] { "{\"a\":\n1}", "[DONE]" }));
    }

    [Test]
    public async Task ReadEvent_StreamCutInsideAnEvent_ReportsEndedMidEvent()
    {
        var body = Utf8("data: {\"a\":1}\n\ndata: {\"choices\":[{\"delta\":{\"con");

        var (events, endedMidEvent) = await SseFixtures.ReadAllAsync(body, [4]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(events, Is.EqualTo(new[] { "{\"a\":1}" }));
            Assert.That(endedMidEvent, Is.True);
        }
    }

    [Test]
    public async Task ReadEvent_CleanCloseWithoutDone_EndsWithoutTruncation()
    {
        var body = Utf8("data: {\"a\":1}\n\ndata: {\"b\":2}\n\n");

        var (events, endedMidEvent) = await SseFixtures.ReadAllAsync(body, [2]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(events, Has.Count.EqualTo(2));
            Assert.That(endedMidEvent, Is.False);
        }
    }

    [Test]
    public async Task ReadEvent_LastEventMissingBlankLine_IsStillDispatched()
    {
        var body = Utf8("data: {\"a\":1}\n\ndata: [DONE]\n");

        var (events, endedMidEvent) = await SseFixtures.ReadAllAsync(body, [3]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(events, Is.EqualTo(new[] { "{\"a\":1}", "[DONE]" }));
            Assert.That(endedMidEvent, Is.False);
        }
    }

    [Test]
    public async Task ReadEvent_EventMuchLargerThanBuffer_GrowsAndReadsItWhole()
    {
        // A 2 MB event against a 16-byte starting buffer: growth, not a fixed read size, bounds
        // what the reader accepts (the 50k-token-prompt failure of fixed-buffer clients).
        var payload = new string('x', 2 * 1024 * 1024);
        var body = Utf8($"data: {{\"p\":\"{payload}\"}}\n\ndata: [DONE]\n\n");

        var (events, _) = await SseFixtures.ReadAllAsync(body, [65536, 3], 16);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(events, Has.Count.EqualTo(2));
            Assert.That(events[0], Has.Length.EqualTo(payload.Length + 8));
        }
    }

    private static IEnumerable<TestCaseData> FixtureAndReadSizes()
    {
        string[] fixtures = [SseFixtures.Chat, SseFixtures.ChatRoundOne, SseFixtures.Completions];
        foreach (var fixture in fixtures)
        {
            foreach (var sizes in ReadSizePatterns)
            {
                yield return new TestCaseData(fixture, sizes)
                    .SetArgDisplayNames(fixture, string.Join("-", sizes));
            }
        }
    }

    // The fixtures hold one "data: " line per event, so splitting the text gives the truth.
    private static List<string> ExpectedEvents(string fixture) =>
        [.. SseFixtures.Text(fixture)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line["data: ".Length..])];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
