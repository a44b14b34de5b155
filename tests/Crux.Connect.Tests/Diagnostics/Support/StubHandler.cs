using System.Net;
using System.Text;

namespace Crux.Connect.Tests.Diagnostics.Support;

/// <summary>Answers each attempt from a script: attempt number (1-based) in, response out.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> _respond;
    private int _attempts;

    public StubHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public StubHandler(params HttpStatusCode[] statuses)
        : this((_, attempt, _) => Task.FromResult(Answer(statuses[Math.Min(attempt, statuses.Length) - 1])))
    {
    }

    public int Attempts => _attempts;

    public List<string?> AuthorizationHeaders { get; } = new();

    public static HttpResponseMessage Answer(HttpStatusCode status, string? json = null, string? retryAfter = null)
    {
        var response = new HttpResponseMessage(status);
        if (json is not null)
        {
            response.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int attempt = Interlocked.Increment(ref _attempts);
        lock (AuthorizationHeaders)
        {
            AuthorizationHeaders.Add(request.Headers.TryGetValues("Authorization", out IEnumerable<string>? values) ? string.Join(",", values) : null);
        }

        return _respond(request, attempt, cancellationToken);
    }
}
