using System.Text.Json;
using FluxPerf.Client;

namespace FluxPerf.Running;

/// <summary>
/// Resets a cache with a POST to a URL (vLLM's <c>/reset_prefix_cache</c>, SGLang's
/// <c>/flush_cache</c>) and, when asked, verifies it with a probe: a fixed prompt is sent twice
/// before the reset (the second answer proves the server reports cached tokens at all) and once
/// after it, when it must come back with no cached tokens.
/// </summary>
public sealed class HttpCacheController : ICacheController
{
    private const int BodyLimit = 500;
    private readonly HttpClient _http;
    private readonly Uri _resetUrl;
    private readonly StreamingClient? _probeClient;
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task<double?>>? _hitCounter;

    /// <summary>Creates the controller; without a probe client the reset is not verified.</summary>
    /// <param name="http">Client for the reset call.</param>
    /// <param name="resetUrl">The reset URL.</param>
    /// <param name="probeClient">Sends the probe requests; null turns verification off.</param>
    /// <param name="time">Clock for the reset's timestamp.</param>
    /// <param name="hitCounter">Reads the server's prefix-cache hit counter, when it is scraped:
    /// the probe after the reset must not make it grow.</param>
    public HttpCacheController(
        HttpClient http,
        Uri resetUrl,
        StreamingClient? probeClient,
        TimeProvider? time = null,
        Func<CancellationToken, Task<double?>>? hitCounter = null)
    {
        _http = http;
        _resetUrl = resetUrl;
        _probeClient = probeClient;
        _time = time ?? TimeProvider.System;
        _hitCounter = hitCounter;
    }

    /// <inheritdoc />
    public async Task<ResetOutcome> ResetAsync(string moment, CancellationToken cancellationToken)
    {
        var before = _probeClient is null ? null : await ProbeAsync("a", cancellationToken);
        var warm = _probeClient is null ? null : await ProbeAsync("b", cancellationToken);
        var outcome = await PostAsync(moment, cancellationToken);
        if (_probeClient is null || outcome.Failed)
        {
            return outcome;
        }

        var hitsBefore = _hitCounter is null ? null : await _hitCounter(cancellationToken);
        var after = await ProbeAsync("c", cancellationToken);
        var hitsAfter = _hitCounter is null ? null : await _hitCounter(cancellationToken);
        var judged = Judge(outcome, before, warm, after);
        return hitsBefore is { } h0 && hitsAfter is { } h1 ? WithCounters(judged, h1 - h0) : judged;
    }

    private async Task<ResetOutcome> PostAsync(string moment, CancellationToken cancellationToken)
    {
        var at = _time.GetUtcNow();
        var started = Timestamps.Now();
        try
        {
            using var response = await _http.PostAsync(_resetUrl, content: null, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var success = ReadSuccess(body);
            var elapsed = Timestamps.ElapsedMs(started, Timestamps.Now());
            var error = !response.IsSuccessStatusCode
                ? $"the reset URL {_resetUrl} answered HTTP {(int)response.StatusCode}"
                : success == false
                    ? "the server refused the reset (success: false); requests were still running"
                    : null;
            return new ResetOutcome
            {
                Moment = moment,
                At = at,
                HttpStatus = (int)response.StatusCode,
                Body = body.Length > BodyLimit ? body[..BodyLimit] : body,
                ElapsedMs = elapsed,
                Success = success,
                Error = error,
                Verification = _probeClient is null ? "not verified (verification is off)"
                    : error is null ? "pending" : "not verified: the reset failed",
            };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            return new ResetOutcome
            {
                Moment = moment,
                At = at,
                ElapsedMs = Timestamps.ElapsedMs(started, Timestamps.Now()),
                Error = $"the reset URL {_resetUrl} could not be reached: {e.Message}",
                Verification = "not verified: the reset failed",
            };
        }
    }

    private static ResetOutcome Judge(
        ResetOutcome outcome,
        ResponseMeasurement? before,
        ResponseMeasurement? warm,
        ResponseMeasurement? after)
    {
        if (before is not { Succeeded: true } || warm is not { Succeeded: true }
            || after is not { Succeeded: true })
        {
            var failed = new[] { before, warm, after }.First(p => p is not { Succeeded: true });
            return outcome with
            {
                Verification = $"unverifiable: a probe request failed ({failed?.ErrorMessage})",
            };
        }

        if (warm.CachedTokens is not > 0)
        {
            // A server that never reports cached tokens (vLLM without
            // --enable-prompt-tokens-details) cannot show an empty cache through usage.
            return outcome with
            {
                Verification = "unverifiable: the server reported no cached tokens for a "
                    + "repeated probe, so an empty cache cannot be told from a full one",
            };
        }

        var cachedAfter = after.CachedTokens ?? 0;
        return outcome with
        {
            Verified = cachedAfter == 0,
            Verification = cachedAfter == 0
                ? $"verified: probe had {warm.CachedTokens} cached tokens before the reset, 0 after"
                : $"NOT verified: probe still had {cachedAfter} cached tokens after the reset "
                    + $"({warm.CachedTokens} before)",
        };
    }

    private static ResetOutcome WithCounters(ResetOutcome outcome, double growth)
    {
        // The usage field and the server's counters are two witnesses: a reset is verified only
        // when both say the probe found nothing cached.
        if (growth <= 0)
        {
            return outcome with
            {
                Verification = outcome.Verification + "; the server's hit counter did not grow",
            };
        }

        return outcome with
        {
            Verified = false,
            Verification = outcome.Verification + $"; but the server's hit counter grew by "
                + $"{growth} tokens during the probe, so something was still cached",
        };
    }

    private async Task<ResponseMeasurement> ProbeAsync(string step, CancellationToken ct)
    {
        // A long fixed prompt spans several cache blocks (vLLM's default block is 16 tokens), so
        // a cache that kept anything of it would show cached tokens after the reset.
        var request = new LlmRequest($"fluxperf-reset-probe-{Guid.NewGuid():N}-{step}",
            [ChatMessage.User(ProbeText)], MaxTokens: 1);
        return await _probeClient!.SendAsync(request, Timestamps.Now(), ct); // checked by callers
    }

    private static bool? ReadSuccess(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("success", out var s)
                && s.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? s.GetBoolean()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly string ProbeText = string.Join(' ', Enumerable.Range(0, 48).Select(
        i => $"FluxPerf cache reset probe sentence {i}: the quick brown fox checks block {i}."));
}
