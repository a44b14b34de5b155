using System.Net.Http.Headers;

namespace Crux.Connect.Internal;

/// <summary>
/// Reads <c>Retry-After</c> in both of its forms: delta-seconds and an HTTP date. A number of seconds too large to
/// represent is read as <see cref="TimeSpan.MaxValue"/> (the retry delay caps it), not ignored; a date in the past is zero.
/// Whatever the server says, the retry strategy never waits less than its own backoff (see <see cref="CruxResilience.ComputeDelay"/>).
/// </summary>
internal static class RetryAfter
{
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider timeProvider)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return response.Headers.TryGetValues("Retry-After", out IEnumerable<string>? values) && values.Any(IsHugeNumber)
            ? TimeSpan.MaxValue
            : null;
    }

    /// <summary>Delta-seconds that did not parse because they overflow: digits only, and many of them.</summary>
    private static bool IsHugeNumber(string value)
    {
        string trimmed = value.Trim();
        return trimmed.Length >= 10 && trimmed.All(static c => c is >= '0' and <= '9');
    }
}
