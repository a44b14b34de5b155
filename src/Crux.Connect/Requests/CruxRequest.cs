using System.Net.Http.Headers;

namespace Crux.Connect.Internal;

/// <summary>
/// One operation's request, described once and turned into a fresh <see cref="HttpRequestMessage"/>
/// for every attempt (a message cannot be sent twice). The body bytes are shared by all attempts,
/// so every retry sends exactly the same bytes with the same Content-Length.
/// </summary>
internal readonly struct CruxRequest
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public CruxRequest(string operation, HttpMethod method, string uri, byte[]? body, bool isIdempotent = true)
    {
        Operation = operation;
        Method = method;
        Uri = uri;
        Body = body;
        IsIdempotent = isIdempotent;
    }

    /// <summary>Gets the SDK operation name, such as <c>RemovePermissions</c>, used in messages, logs and traces.</summary>
    public string Operation { get; }

    public HttpMethod Method { get; }

    /// <summary>Gets the absolute request URI.</summary>
    public string Uri { get; }

    public byte[]? Body { get; }

    /// <summary>Gets whether sending the request twice lands in the same state, so any transient failure may be retried.</summary>
    public bool IsIdempotent { get; }

    public int PermissionCount { get; init; }

    /// <summary>Gets the secrets the attempt being read sent (the sender sets it for the success reader), to redact what the answer echoes.</summary>
    public Diagnostics.SecretRedactor? Secrets { get; init; }

    public HttpRequestMessage CreateMessage(string authorizationHeaderValue)
    {
        var message = new HttpRequestMessage(Method, Uri);
        HttpRequestHeaders headers = message.Headers;
        if (authorizationHeaderValue.Length != 0)
        {
            // Empty only for the login request, which has no token to send yet.
            headers.TryAddWithoutValidation("Authorization", authorizationHeaderValue);
        }

        headers.TryAddWithoutValidation("Accept", "application/json");
        headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
        if (Body is not null)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);
            message.Content = content;
        }

        return message;
    }

    /// <summary>Names the call in messages: operation, method and path, e.g. <c>RemovePermissions DELETE /organizations/…/</c>. Never a header.</summary>
    public string Describe(CruxClientSettings settings) => $"{Operation} {Method.Method} {PathForDisplay(settings)}";

    /// <summary>Gets the path as the server sees it (no scheme or host), for messages and logs.</summary>
    public string PathForDisplay(CruxClientSettings settings)
    {
        int authorityEnd = settings.BaseAddress.Length - settings.BasePath.Length;
        return authorityEnd > 0 && Uri.Length > authorityEnd ? Uri.Substring(authorityEnd) : Uri;
    }
}
