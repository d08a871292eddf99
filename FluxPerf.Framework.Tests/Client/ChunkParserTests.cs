using System.Globalization;
using System.Text;
using FluxPerf.Client;
using NUnit.Framework;

namespace FluxPerf.Tests.Client;

// The parser reads each event forward-only; these pin the cases where that could differ from a
// lookup in a parsed object: escapes, order, repeats, nesting, and failures part-way through.
[TestFixture]
public sealed class ChunkParserTests
{
    private const string Before = "earlier text|";

    [TestCase(
        "{\"choices\":[{\"delta\":{\"content\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\\n\"}}]}",
        "café 😀 \"q\"\n", TestName = "Parse_EscapedUnicodeContent_AppendsDecodedText")]
    [TestCase("{\"choices\":[{\"delta\":{\"\\u0063ontent\":\"x\"}}]}", "x",
        TestName = "Parse_EscapedPropertyName_MatchesLikeAPlainName")]
    [TestCase("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}},"
        + "{\"index\":1,\"delta\":{\"content\":\"b\"}}]}", "ab",
        TestName = "Parse_ContentInSeveralChoices_AppendsEachInOrder")]
    [TestCase("{\"choices\":[{\"text\":\"x\"},{\"text\":\"\"},{\"text\":\"y\"}]}", "xy",
        TestName = "Parse_CompletionTextInSeveralChoices_AppendsEachInOrder")]
    [TestCase("{\"choices\":[{\"delta\":{\"content\":\"\",\"content\":\"b\"}}]}", "b",
        TestName = "Parse_RepeatedContentKey_TakesTheLastValue")]
    [TestCase("{\"choices\":[{\"delta\":{\"content\":\"a\"}}],"
        + "\"choices\":[{\"delta\":{\"content\":\"b\"}}]}", "b",
        TestName = "Parse_RepeatedChoicesKey_TakesTheLastValue")]
    [TestCase("{\"choices\":[{\"text\":\"t\",\"delta\":{\"content\":\"d\"}}]}", "d",
        TestName = "Parse_TextBesideDelta_TakesTheDelta")]
    [TestCase("{\"choices\":[{\"text\":\"t\",\"delta\":null}]}", "t",
        TestName = "Parse_TextBesideNullDelta_TakesTheText")]
    [TestCase("{\"choices\":[{\"delta\":{\"reasoning_content\":\"r\",\"content\":\"\"}}]}", "",
        TestName = "Parse_ReasoningOnly_IsATokenWithoutResponseText")]
    [TestCase("{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0}],\"content\":null}}]}", "",
        TestName = "Parse_ToolCallsOnly_IsATokenWithoutResponseText")]
    public void Parse_TokenBearingEvent_IsVisibleWithTheExpectedText(string json, string expected)
    {
        using var text = Buffer(Before);

        var chunk = Parse(json, text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunk.Kind, Is.EqualTo(StreamChunkKind.Chunk));
            Assert.That(chunk.HasVisibleToken, Is.True);
            Assert.That(chunk.HasChoices, Is.True);
            Assert.That(text.ToString(), Is.EqualTo(Before + expected));
        }
    }

    [TestCase("{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
        TestName = "Parse_RoleOnlyDelta_IsNoToken")]
    [TestCase("{\"choices\":[{\"delta\":{\"content\":\"a\",\"content\":\"\"}}]}",
        TestName = "Parse_RepeatedContentKeyEndingEmpty_IsNoToken")]
    [TestCase("{\"choices\":[{\"delta\":{\"tool_calls\":[],\"reasoning\":\"\"}}]}",
        TestName = "Parse_EmptyToolCallsAndReasoning_IsNoToken")]
    [TestCase("{\"choices\":[1,null,[\"x\"]]}",
        TestName = "Parse_ChoicesThatAreNoObjects_CountAsChoicesWithoutToken")]
    [TestCase("{\"id\":\"c\",\"choices\":[{\"logprobs\":{\"content\":[{\"token\":\"t\","
        + "\"top_logprobs\":[{\"token\":\"u\",\"text\":\"v\"}]}]},"
        + "\"delta\":{\"content\":\"\",\"extra\":{\"content\":\"no\",\"tool_calls\":[1]}},"
        + "\"meta\":{\"text\":\"no\"}}],\"system_fingerprint\":[1,[2,{\"choices\":[]}]]}",
        TestName = "Parse_NestedUnknownObjectsAndArrays_AreSkippedWhateverTheirKeys")]
    public void Parse_EventWithoutToken_IsNotVisibleAndAddsNoText(string json)
    {
        using var text = Buffer(Before);

        var chunk = Parse(json, text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunk.Kind, Is.EqualTo(StreamChunkKind.Chunk));
            Assert.That(chunk.HasVisibleToken, Is.False);
            Assert.That(chunk.HasChoices, Is.True);
            Assert.That(chunk.Usage, Is.Null);
            Assert.That(text.ToString(), Is.EqualTo(Before));
        }
    }

    [Test]
    public void Parse_FieldsInUnusualOrder_ReadsUsageFinishReasonAndText()
    {
        var json = "{\"usage\":{\"completion_tokens\":3,\"prompt_tokens_details\":"
            + "{\"audio_tokens\":0,\"cached_tokens\":2},\"prompt_tokens\":9},"
            + "\"choices\":[{\"finish_reason\":\"length\",\"delta\":{\"tool_calls\":[],"
            + "\"content\":\"z\",\"role\":\"assistant\"},\"index\":0}],\"id\":\"x\"}";
        using var text = Buffer("");

        var chunk = Parse(json, text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunk.Usage, Is.EqualTo(new UsageSnapshot(9, 3, 2)));
            Assert.That(chunk.FinishReason, Is.EqualTo("length"));
            Assert.That(chunk.HasVisibleToken, Is.True);
            Assert.That(text.ToString(), Is.EqualTo("z"));
        }
    }

    [Test]
    public void Parse_FinishReasonOnASecondChoice_IsTheFirstOneSet()
    {
        var json = "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":null},"
            + "{\"delta\":{},\"finish_reason\":\"content_filter\"},"
            + "{\"delta\":{},\"finish_reason\":\"stop\"}]}";

        var chunk = Parse(json, null);

        Assert.That(chunk.FinishReason, Is.EqualTo("content_filter"));
    }

    [TestCase("{\"choices\":[],\"usage\":null}", false, null, null, null)]
    [TestCase("{\"choices\":[],\"usage\":{\"prompt_tokens\":1.5,\"completion_tokens\":\"3\","
        + "\"prompt_tokens_details\":null}}", true, null, null, null)]
    [TestCase("{\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":5,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":99999999999}}}", true, 7, 5, null)]
    [TestCase("{\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"prompt_tokens\":8}}",
        true, 8, null, null)]
    public void Parse_UsageShapes_ReadOnlyWholeInt32Counts(
        string json,
        bool hasUsage,
        int? prompt,
        int? completion,
        int? cached)
    {
        var chunk = Parse(json, null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunk.HasChoices, Is.False, "the final usage event has no choice");
            Assert.That(chunk.Usage.HasValue, Is.EqualTo(hasUsage));
            Assert.That(chunk.Usage?.PromptTokens, Is.EqualTo(prompt));
            Assert.That(chunk.Usage?.CompletionTokens, Is.EqualTo(completion));
            Assert.That(chunk.Usage?.CachedTokens, Is.EqualTo(cached));
        }
    }

    [TestCase("{\"choices\":[{\"delta\":{\"content\":\"a\"}}]} x")]
    [TestCase("{\"choices\":[{\"delta\":{\"content\":\"a\"}}],}")]
    [TestCase("{\"choices\":[{\"delta\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":}")]
    [TestCase("{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}{\"choices\":[]}")]
    [TestCase("{\"choices\":[{\"delta\":{\"content\":\"a\\ud800\"}}]}")]
    [TestCase("[{\"choices\":[]}]")]
    [TestCase("\"text\"")]
    [TestCase("42")]
    public void Parse_MalformedEvent_IsMalformedAndLeavesTheTextAsItWas(string json)
    {
        using var text = Buffer(Before);

        var chunk = Parse(json, text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunk.Kind, Is.EqualTo(StreamChunkKind.Malformed));
            Assert.That(text.ToString(), Is.EqualTo(Before));
        }
    }

    [Test]
    public void Parse_InvalidUtf8InCapturedContent_IsMalformedNotThrown()
    {
        var prefix = "{\"choices\":[{\"delta\":{\"content\":\""u8.ToArray();
        var suffix = "\"}}]}"u8.ToArray();
        byte[] data = [.. prefix, 0xC3, 0x28, .. suffix];
        using var text = Buffer(Before);

        var chunk = ChunkParser.Parse(data, text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunk.Kind, Is.EqualTo(StreamChunkKind.Malformed));
            Assert.That(text.ToString(), Is.EqualTo(Before));
        }
    }

    [Test]
    public void Parse_NestingDeeperThan64_IsMalformed()
    {
        var json = "{\"choices\":[],\"x\":" + new string('[', 70) + new string(']', 70) + "}";

        var chunk = Parse(json, null);

        Assert.That(chunk.Kind, Is.EqualTo(StreamChunkKind.Malformed));
    }

    [TestCase("{\"choices\":[{\"delta\":{\"content\":\"a\"}}],\"error\":{\"message\":\"boom\"}}",
        "boom")]
    [TestCase("{\"error\":\"Unauthorized\",\"choices\":[{\"text\":\"a\"}]}", "Unauthorized")]
    [TestCase("{\"object\":\"error\",\"message\":\"old vllm\"}", "old vllm")]
    public void Parse_ErrorEvent_IsAnErrorAndAddsNoText(string json, string message)
    {
        using var text = Buffer(Before);

        var chunk = Parse(json, text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunk.Kind, Is.EqualTo(StreamChunkKind.Error));
            Assert.That(chunk.ErrorMessage, Is.EqualTo(message));
            Assert.That(text.ToString(), Is.EqualTo(Before));
        }
    }

    [Test]
    public void Parse_NullErrorBesideChoices_IsAnOrdinaryChunk()
    {
        using var text = Buffer("");

        var chunk = Parse("{\"error\":null,\"object\":\"chat.completion.chunk\","
            + "\"choices\":[{\"delta\":{\"content\":\"a\"}}]}", text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunk.Kind, Is.EqualTo(StreamChunkKind.Chunk));
            Assert.That(text.ToString(), Is.EqualTo("a"));
        }
    }

    [Test]
    public void Parse_ContentLongerThanTheStackBuffer_AppendsAllOfIt()
    {
        var random = new Random(20261203);
        var expected = new StringBuilder();
        var escaped = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            var c = (char)random.Next(0x20, 0x3000);
            expected.Append(c);
            var mustEscape = i % 3 == 0 || c is '"' or '\\';
            escaped.Append(mustEscape ? $"\\u{(int)c:x4}" : c.ToString());
        }

        using var text = Buffer("");

        var chunk = Parse($"{{\"choices\":[{{\"delta\":{{\"content\":\"{escaped}\"}}}}]}}",
            text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunk.HasVisibleToken, Is.True);
            Assert.That(text.ToString(), Is.EqualTo(expected.ToString()));
        }
    }

    [Test]
    public void Parse_ManyEventsPastTheBufferSize_KeepsTheWholeTextInOrder()
    {
        using var text = Buffer("");
        var expected = new StringBuilder();
        for (var i = 0; i < 600; i++)
        {
            var word = string.Create(CultureInfo.InvariantCulture, $"wörd{i} ");
            expected.Append(word);
            Parse($"{{\"choices\":[{{\"delta\":{{\"content\":\"{word}\"}}}}]}}", text);
        }

        Assert.That(text.ToString(), Is.EqualTo(expected.ToString()));
    }

    [TestCase("")]
    [TestCase(" \r\n\t")]
    public void Parse_BlankData_IsEmpty(string data) =>
        Assert.That(Parse(data, null).Kind, Is.EqualTo(StreamChunkKind.Empty));

    [Test]
    public void Parse_DoneWithSurroundingSpace_IsDone() =>
        Assert.That(Parse(" [DONE]\n", null).Kind, Is.EqualTo(StreamChunkKind.Done));

    private static StreamChunk Parse(string json, ResponseTextBuffer? text) =>
        ChunkParser.Parse(Encoding.UTF8.GetBytes(json), text);

    private static ResponseTextBuffer Buffer(string initial)
    {
        var buffer = new ResponseTextBuffer(System.Buffers.ArrayPool<byte>.Shared);
        var bytes = Encoding.UTF8.GetBytes(initial);
        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
        return buffer;
    }
}
