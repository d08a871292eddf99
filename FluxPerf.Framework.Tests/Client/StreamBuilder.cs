using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FluxPerf.Tests.Client;

/// <summary>Builds an SSE body in vLLM's chat shape, one event per call.</summary>
internal sealed class StreamBuilder
{
    private readonly StringBuilder _body = new();

    public StreamBuilder Role(int? usage = null) =>
        Chunk("{\"role\":\"assistant\",\"content\":\"\"}", null, usage);

    public StreamBuilder Content(string text, int? usage = null, string? finish = null) =>
        Chunk($"{{\"content\":{JsonSerializer.Serialize(text)}}}", finish, usage);

    public StreamBuilder Usage(int prompt, int completion, int? cached = null)
    {
        var details = cached is { } c
            ? string.Create(CultureInfo.InvariantCulture,
                $",\"prompt_tokens_details\":{{\"cached_tokens\":{c}}}")
            : "";
        return Raw(string.Create(CultureInfo.InvariantCulture,
            $"{{\"choices\":[],\"usage\":{{\"prompt_tokens\":{prompt},"
            + $"\"completion_tokens\":{completion}{details}}}}}"));
    }

    public StreamBuilder Raw(string data)
    {
        _body.Append("data: ").Append(data).Append("\n\n");
        return this;
    }

    public StreamBuilder Done() => Raw("[DONE]");

    public byte[] Build() => Encoding.UTF8.GetBytes(_body.ToString());

    private StreamBuilder Chunk(string delta, string? finish, int? usage)
    {
        var finishJson = finish is null ? "null" : $"\"{finish}\"";
        var usageJson = usage is { } u
            ? string.Create(CultureInfo.InvariantCulture,
                $",\"usage\":{{\"prompt_tokens\":100,\"completion_tokens\":{u}}}")
            : "";
        return Raw($"{{\"choices\":[{{\"index\":0,\"delta\":{delta},"
            + $"\"finish_reason\":{finishJson}}}]{usageJson}}}");
    }
}
