using System.Text;
using System.Text.Json.Nodes;
using FluxPerf.Client;
using NUnit.Framework;

namespace FluxPerf.Tests.Client;

[TestFixture]
public sealed class StreamingClientBodyTests
{
    private static readonly LlmRequest Request = new(
        "r-1",
        [ChatMessage.System("Be brief."), ChatMessage.User("Capital of France?")],
        MaxTokens: 16);

    [Test]
    public void BuildBody_Chat_WritesFieldsInFixedOrder()
    {
        using var client = new StreamingClient(Options("/v1/chat/completions") with
        {
            ExtraBody = new Dictionary<string, JsonNode?> { ["top_p"] = 0.9, ["seed"] = 7 },
        });

        var body = Encoding.UTF8.GetString(client.BuildBody(Request));

        Assert.That(body, Is.EqualTo(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + "{\"role\":\"user\",\"content\":\"Capital of France?\"}],\"max_tokens\":16,"
            + "\"temperature\":0,\"ignore_eos\":true,\"stream\":true,\"stream_options\":"
            + "{\"include_usage\":true,\"continuous_usage_stats\":true},"
            + "\"seed\":7,\"top_p\":0.9}"));
    }

    [Test]
    public void BuildBody_CompletionsEndpoint_JoinsMessagesIntoPrompt()
    {
        using var client = new StreamingClient(Options("/v1/completions"));

        var body = Encoding.UTF8.GetString(client.BuildBody(Request));

        Assert.That(body, Does.StartWith(
            "{\"model\":\"m\",\"prompt\":\"Be brief.\\n\\nCapital of France?\","
            + "\"max_tokens\":16,"));
    }

    [Test]
    public void BuildBody_SameRequestTwice_IsByteIdentical()
    {
        using var client = new StreamingClient(Options("/v1/chat/completions"));
        var twin = Request with { Messages = [.. Request.Messages] };

        Assert.That(client.BuildBody(twin), Is.EqualTo(client.BuildBody(Request)));
    }

    [Test]
    public void RenderPrompt_SingleMessage_IsItsContentVerbatim()
    {
        Assert.That(StreamingClient.RenderPrompt([ChatMessage.User("  x\n")]), Is.EqualTo("  x\n"));
    }

    [Test]
    public void Constructor_ExtraBodySetsReservedField_ThrowsNamingIt()
    {
        var options = Options("/v1/chat/completions") with
        {
            ExtraBody = new Dictionary<string, JsonNode?> { ["stream"] = false },
        };

        Assert.That(() => new StreamingClient(options),
            Throws.ArgumentException.With.Message.Contains("'stream'"));
    }

    [Test]
    public void ToString_WithHeadersAndKeyVariable_PrintsNoSecretValues()
    {
        var options = Options("/v1/chat/completions") with
        {
            ApiKeyEnvironmentVariable = "FLUXPERF_TEST_KEY",
            ExtraHeaders = new Dictionary<string, string> { ["X-Custom-Auth"] = "s3cr3t-value" },
        };

        var text = options.ToString();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Not.Contain("s3cr3t-value"));
            Assert.That(text, Does.Contain("X-Custom-Auth"));
        }
    }

    [TestCase("/v1/completions", true)]
    [TestCase("/v1/chat/completions", false)]
    [TestCase("/openai/v1/completions/", true)]
    public void IsCompletionsEndpoint_Path_DetectsApi(string path, bool expected)
    {
        Assert.That(Options(path).IsCompletionsEndpoint, Is.EqualTo(expected));
    }

    private static ClientOptions Options(string path) => new()
    {
        Endpoint = new Uri("http://127.0.0.1:9" + path),
        Model = "m",
        Temperature = 0,
        IgnoreEos = true,
    };
}
