using System.Net;

namespace Crux.Connect.Internal;

/// <summary>What a permission change (DELETE or PATCH) keeps of its success answer: the status and the server's request id.</summary>
internal readonly struct ChangeAnswer
{
    private ChangeAnswer(HttpStatusCode statusCode, string? requestId)
    {
        StatusCode = statusCode;
        RequestId = requestId;
    }

    public HttpStatusCode StatusCode { get; }

    public string? RequestId { get; }

    /// <summary>The <see cref="SuccessReader{TResult}"/> of a change.</summary>
    /// <remarks>
    /// The body is not read: the status decided the outcome, and a body that stalls must not turn a change that happened
    /// into a timeout and a retry. Disposing the response abandons it (the handler drains a small one for reuse).
    /// </remarks>
    public static ValueTask<ChangeAnswer> ReadAsync(
        HttpResponseMessage response, CruxRequest request, CruxClientSettings settings, CancellationToken cancellationToken) =>
        new(new ChangeAnswer(response.StatusCode, RequestIds.ForResult(response, request)));
}
