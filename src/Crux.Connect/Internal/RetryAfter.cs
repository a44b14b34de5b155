using System.Net.Http.Headers;

namespace Crux.Connect.Internal;

/// <summary>Reads <c>Retry-After</c> in both of its forms: delta-seconds and an HTTP date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider timeProvider)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
