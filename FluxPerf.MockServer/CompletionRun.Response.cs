using System.Diagnostics;
using System.Text.Json;

namespace FluxPerf.MockServer;

internal sealed partial class CompletionRun
{
    private async Task RespondAsync(LatencySchedule schedule, CancellationToken ct)
    {
        // The body can only go out once every token is generated: wait for the last event.
        for (var e = 1; e < Events; e++)
        {
            await LatencySchedule.WaitUntilAsync(schedule.NextEventDue(EventTokens(e).Count), ct);
        }

        if (_faults.DropConnection)
        {
            Drop();
            return;
        }

        if (_faults.MidStreamError)
        {
            // Without a stream the status is not sent yet, so a mid-stream fault becomes a 500.
            await ErrorResponses.WriteAsync(_context, ErrorResponses.Injected(500));
            Recorder.SetOutcome(MockOutcomes.MidStreamError);
            return;
        }

        await WriteBodyAsync(ct);
        RecordTokenEvent(Stopwatch.GetTimestamp(), Request.MaxTokens, previousTimestamp: null);
        RecordCompleted();
    }

    private async Task WriteBodyAsync(CancellationToken ct)
    {
        _context.Response.ContentType = "application/json";
        var body = _context.Response.BodyWriter;
        await using (var json = new Utf8JsonWriter(body, JsonOptions.Writer))
        {
            WriteBody(json);
            await json.FlushAsync(ct);
        }

        await _context.Response.BodyWriter.FlushAsync(ct);
    }

    private void WriteBody(Utf8JsonWriter json)
    {
        var chat = Request.Kind == CompletionKind.Chat;
        json.WriteStartObject();
        json.WriteString("id", _responseId);
        json.WriteString("object", chat ? "chat.completion" : "text_completion");
        json.WriteNumber("created", Created);
        json.WriteString("model", _state.Options.ModelName);
        json.WriteStartArray("choices");
        WriteChoice(json, chat, ChunkEncoder.Text(_textSeed, Request.MaxTokens));
        json.WriteEndArray();
        WriteUsage(json);
        json.WriteEndObject();
    }

    private static void WriteChoice(Utf8JsonWriter json, bool chat, string text)
    {
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        if (chat)
        {
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            json.WriteString("content", text);
            json.WriteEndObject();
        }
        else
        {
            json.WriteString("text", text);
        }

        json.WriteNull("logprobs");
        json.WriteString("finish_reason", "length");
        json.WriteNull("stop_reason");
        json.WriteEndObject();
    }

    private void WriteUsage(Utf8JsonWriter json)
    {
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", _prompt.Length);
        json.WriteNumber("total_tokens", _prompt.Length + Request.MaxTokens);
        json.WriteNumber("completion_tokens", Request.MaxTokens);
        if (_cachedTokens > 0)
        {
            json.WriteStartObject("prompt_tokens_details");
            json.WriteNumber("cached_tokens", _cachedTokens);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
