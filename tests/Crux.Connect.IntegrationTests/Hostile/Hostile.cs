using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crux.Connect.IntegrationTests.Hostile;

/// <summary>What the hostile-server tests share: the secrets, a client on a loopback address, and ways to find a secret in any form.</summary>
internal static class Hostile
{
    public const string Token = "tok+en/5ecret+Value/0123456789abcdef";
    public static readonly Guid User = Guid.Parse("5b1f3c2e-8a7d-4e21-9c3b-0f6e2d1a4b5c");
    public static readonly Guid[] Permissions = [Guid.Parse("0e1d2c3b-4a59-4687-9a0b-1c2d3e4f5061")];

    public static CruxClient Client(Uri baseAddress, Action<CruxClientOptions>? configure = null, HttpClient? http = null, ILoggerFactory? logs = null)
    {
        var options = new CruxClientOptions { BaseAddress = baseAddress, ApiToken = Token };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        configure?.Invoke(options);
        return new CruxClient(http ?? new HttpClient(), options, logs, null);
    }

    /// <summary>Every form a server could echo a secret in.</summary>
    public static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        yield return System.Text.Json.JsonSerializer.Serialize(secret).Trim('"');
        yield return JsonEscapeAll(secret);
        yield return JsonEscapeAll(secret).ToUpperInvariant().Replace("\\U", "\\u", StringComparison.Ordinal);
        yield return secret.Replace("/", "\\/", StringComparison.Ordinal);
        yield return Uri.EscapeDataString(secret);
        yield return WebUtility.UrlEncode(secret);
        yield return WebUtility.HtmlEncode(secret);
    }

    public static string JsonEscapeAll(string text)
    {
        var result = new StringBuilder();
        foreach (char c in text)
        {
            result.Append("\\u").Append(((int)c).ToString("x4"));
        }

        return result.ToString();
    }

    /// <summary>Asserts that no form of the secret, nor any 6-character piece of it, appears in the text.</summary>
    public static void AssertNoSecret(string secret, string? text, string where)
    {
        if (text is null)
        {
            return;
        }

        foreach (string form in Forms(secret).Distinct())
        {
            Assert.False(text.Contains(form, StringComparison.Ordinal), $"{where} holds the secret as '{form}': {text}");
        }

        for (int i = 0; i + 6 <= secret.Length; i++)
        {
            string piece = secret.Substring(i, 6);
            if (piece.All(char.IsDigit))
            {
                // A run of digits is no evidence: a retry delay or a port can hold "234567" by chance.
                continue;
            }

            Assert.False(text.Contains(piece, StringComparison.Ordinal), $"{where} holds a piece of the secret '{piece}': {text}");
        }
    }

    /// <summary>All server text an exception surfaces, in one string.</summary>
    public static string Surface(Exception exception) => exception switch
    {
        CruxApiException api => string.Join(
            "\n",
            api.Message,
            api.Detail,
            api.ResponseBody,
            api.RequestId,
            string.Join("\n", api.FieldErrors.Select(f => f.Key + ": " + string.Join(" ", f.Value))),
            api.ToString()),
        _ => exception.ToString(),
    };

    public static async Task WriteAsync(HttpContext context, int status, string body, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        foreach ((string name, string value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        if (body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }
    }

    public static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
