using System.Net;
using Crux.Connect.Diagnostics;

namespace Crux.Connect.Internal;

/// <summary>What a permission change (DELETE or PATCH) keeps of its success answer: the status and the server's request id.</summary>
/// <remarks>
/// A class with one shared instance per success status without a request id: Polly's retry strategy sees every result as
/// an object, so a struct was boxed on every call, and the common answer needs no object of its own
/// (benchmarks/README.md, "Why the code does X").
/// </remarks>
internal sealed class ChangeAnswer
{
    private static readonly ChangeAnswer Ok = new(HttpStatusCode.OK, null);
    private static readonly ChangeAnswer Created = new(HttpStatusCode.Created, null);
    private static readonly ChangeAnswer Accepted = new(HttpStatusCode.Accepted, null);
    private static readonly ChangeAnswer NoContent = new(HttpStatusCode.NoContent, null);

    private ChangeAnswer(HttpStatusCode statusCode, string? requestId)
    {
        StatusCode = statusCode;
        RequestId = requestId;
    }

    public HttpStatusCode StatusCode { get; }

    public string? RequestId { get; }

    /// <summary>The <see cref="SuccessReader{TResult}"/> of a change: the one place that decides whether a success is Crux's.</summary>
    /// <remarks>
    /// A proxy, a WAF or a login page answers 200 with a page of its own, and the change never reached Crux: so the body
    /// is read (with a cap) and must be empty or a JSON object Crux could send (<see cref="Problem"/>), or the answer is
    /// <see cref="CruxInvalidResponseException"/>. Single calls, sets, bulk runs, plans and the tool all read changes here.
    /// A body that stalls or breaks off is judged by what arrived (the status decided, so it is no timeout and no retry).
    /// </remarks>
    public static async ValueTask<ChangeAnswer> ReadAsync(
        HttpResponseMessage response, CruxRequest request, CruxClientSettings settings, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content?.Headers.ContentLength == 0)
        {
            // Nothing to judge (a 204 has no body by definition): the common answer costs no read.
            return Of(response.StatusCode, RequestIds.ForResult(response, request));
        }

        using BoundedBody body = await BoundedBody.ReadAvailableAsync(
            response.Content, BoundedBody.SuccessBodyLimit, cancellationToken, CancellationToken.None).ConfigureAwait(false);
        if (Problem(body, response.Content?.Headers.ContentType?.MediaType) is { } problem)
        {
            throw ResponseParsers.Invalid(response, request, settings, problem, body.GetText(BoundedBody.ErrorBodyLimit), null);
        }

        return Of(response.StatusCode, RequestIds.ForResult(response, request));
    }

    private static ChangeAnswer Of(HttpStatusCode statusCode, string? requestId) => requestId is not null ? new(statusCode, requestId) : statusCode switch
    {
        HttpStatusCode.NoContent => NoContent,
        HttpStatusCode.OK => Ok,
        HttpStatusCode.Created => Created,
        HttpStatusCode.Accepted => Accepted,
        _ => new(statusCode, null),
    };

    /// <summary>
    /// Why a change's success body is not Crux's, or <see langword="null"/> when it is: empty (or blank) is Crux's; any
    /// other body must have no non-JSON <c>Content-Type</c> and be one JSON object that is not an error shape. A body
    /// cut by a stall or the cap can only be judged by its start: it must open an object.
    /// </summary>
    private static string? Problem(BoundedBody body, string? mediaType)
    {
        ReadOnlySpan<byte> span = body.Span;
        int start = 0;
        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == span.Length)
        {
            return null;
        }

        if (mediaType is not null && !IsJson(mediaType))
        {
            return $"the body is {ServerText.Shorten(mediaType, 64)}, not JSON";
        }

        if (body.IsTruncated)
        {
            return span[start] == (byte)'{' ? null : "the body is not a JSON object";
        }

        return JsonShape.ChangeAnswerProblem(span);
    }

    // application/problem+json (RFC 9457) is JSON, but only ever an error.
    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || (mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase) && !mediaType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase))
        || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);
}
