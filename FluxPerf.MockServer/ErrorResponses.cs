using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FluxPerf.MockServer;

/// <summary>Error bodies in the shapes vLLM sends.</summary>
internal static class ErrorResponses
{
    /// <summary><c>{"error":{"message","type","param","code"}}</c> with the given status.</summary>
    public static async Task WriteAsync(HttpContext context, RequestError error)
    {
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json";
        var body = context.Response.BodyWriter;
        await using var json = new Utf8JsonWriter(body, JsonOptions.Writer);
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", error.Message);
        json.WriteString("type", TypeOf(error.Status));
        if (error.Param is null)
        {
            json.WriteNull("param");
        }
        else
        {
            json.WriteString("param", error.Param);
        }

        json.WriteNumber("code", error.Status);
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    /// <summary>
    /// vLLM's API-key middleware answers with this flat shape, not the usual one.
    /// </summary>
    public static async Task WriteUnauthorizedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "application/json";
        await context.Response.BodyWriter.WriteAsync("{\"error\":\"Unauthorized\"}"u8.ToArray(),
            context.RequestAborted);
    }

    public static RequestError Injected(int status)
    {
        var message = status == 500
            ? "Internal server error"
            : $"{ReasonPhrases.GetReasonPhrase(status)} (injected by the FluxPerf mock)";
        return new RequestError(status, message, null);
    }

    public static RequestError ModelNotFound(string model)
    {
        return new RequestError(404, $"The model `{model}` does not exist.", "model");
    }

    private static string TypeOf(int status)
    {
        return status switch
        {
            400 => "BadRequestError",
            404 => "NotFoundError",
            500 => "InternalServerError",
            _ => ReasonPhrases.GetReasonPhrase(status).Replace(" ", "", StringComparison.Ordinal)
                + "Error",
        };
    }
}
