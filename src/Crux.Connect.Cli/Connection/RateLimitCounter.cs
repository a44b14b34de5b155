using System.Net;

namespace Crux.Connect.Cli.Connection;

/// <summary>
/// Counts the 429 (Too Many Requests) answers that reach the tool's <see cref="HttpClient"/>, so the progress bar can show
/// the rate-limit pauses the SDK's retries absorb. It only looks: the request and the response pass unchanged.
/// </summary>
internal sealed class RateLimitCounter : DelegatingHandler
{
    private long _count;

    public RateLimitCounter(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public long Count => Interlocked.Read(ref _count);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Interlocked.Increment(ref _count);
        }

        return response;
    }
}
