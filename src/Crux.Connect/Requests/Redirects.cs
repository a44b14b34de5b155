using System.Globalization;
using Crux.Connect.Diagnostics;

namespace Crux.Connect.Internal;

/// <summary>
/// The rule that keeps every request on the configured origin: a 3xx answer is refused, and so is an answer whose
/// request the <see cref="HttpClient"/> sent somewhere else than the SDK asked (a handler that followed a redirect
/// before the SDK could see it). Crux Connect's paths are exact, so no legitimate call is ever redirected.
/// </summary>
internal static class Redirects
{
    private const int MaxLocationLength = 300;

    public static CruxRedirectException? Refuse(
        HttpResponseMessage response, Uri sent, CruxRequest request, CruxClientSettings settings, SecretRedactor redactor)
    {
        int status = (int)response.StatusCode;
        Uri? final = response.RequestMessage?.RequestUri;
        bool followed = final is not null && !SameRequestTarget(final, sent);
        if (!followed && status is < 300 or > 399)
        {
            return null;
        }

        string where = Display(followed ? final : LocationOf(response, sent), redactor) ?? "an address it did not give";
        string status3 = status.ToString(CultureInfo.InvariantCulture);
        string message = followed
            ? $"Redirect refused: {request.Describe(settings)} was redirected to {where} and the HttpClient followed the redirect; the SDK refused the answer ({status3}) " +
              "because it did not come from the configured CruxClientOptions.BaseAddress. Check the base address, and turn automatic redirects off " +
              "on the HttpClient's handler (AllowAutoRedirect = false; AddCruxConnect does this for you)."
            : $"Redirect refused: Crux Connect answered {status3} to {request.Describe(settings)}, pointing to {where}; the SDK never follows redirects. " +
              "Check CruxClientOptions.BaseAddress (scheme, host and path prefix).";
        return new CruxRedirectException(message, new CruxResponseDetails(response.StatusCode) { Location = where, RequestId = RequestIds.Read(response, redactor) });
    }

    /// <summary>
    /// A request that failed with no answer after the <see cref="HttpClient"/> followed a redirect (it rewrites the
    /// message's <see cref="HttpRequestMessage.RequestUri"/> when it does): the redirect is the fault, not the network, and
    /// trying again would only follow it again.
    /// </summary>
    public static CruxRedirectException? RefuseUnanswered(
        Uri? final, Uri sent, CruxRequest request, CruxClientSettings settings, SecretRedactor redactor, Exception failure)
    {
        if (final is null || SameRequestTarget(final, sent))
        {
            return null;
        }

        string where = Display(final, redactor) ?? "an address it did not give";
        return new CruxRedirectException(
            $"Redirect refused: {request.Describe(settings)} was redirected to {where} and the HttpClient followed the redirect, but no answer came from there " +
            $"({TransportFailures.Describe(failure, redactor)}). Check the base address, and turn automatic redirects off on the HttpClient's handler " +
            "(AllowAutoRedirect = false; AddCruxConnect does this for you).",
            new CruxResponseDetails(default) { Location = where },
            TransportFailures.Redacted(failure, redactor));
    }

    // The same object when no handler rewrote the message's address (every call that was not redirected): comparing its
    // parts would build them as strings on every call (benchmarks/README.md, "Why the code does X").
    private static bool SameRequestTarget(Uri final, Uri sent) =>
        ReferenceEquals(final, sent) || Uri.Compare(final, sent, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.Ordinal) == 0;

    private static Uri? LocationOf(HttpResponseMessage response, Uri sent)
    {
        Uri? location = response.Headers.Location;
        if (location is null)
        {
            return null;
        }

        try
        {
            return location.IsAbsoluteUri ? location : new Uri(sent, location);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    /// <summary>Scheme, host, port and path: never user info or a query, which may carry credentials. Redacted and escaped all the same.</summary>
    private static string? Display(Uri? target, SecretRedactor redactor)
    {
        if (target is null || !target.IsAbsoluteUri)
        {
            return null;
        }

        string text = target.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return ServerText.Shorten(redactor.Redact(text)!, MaxLocationLength);
    }
}
