using System.Net;
using Crux.Connect.Internal;

namespace Crux.Connect.Bulk;

/// <summary>What a bulk run keeps of one user's successful answer: the status and the server's request id.</summary>
internal sealed class SuccessAnswer
{
    private SuccessAnswer(HttpStatusCode statusCode, string? requestId)
    {
        StatusCode = statusCode;
        RequestId = requestId;
    }

    public HttpStatusCode StatusCode { get; }

    public string? RequestId { get; }

    public static async ValueTask<SuccessAnswer> ReadAsync(
        HttpResponseMessage response, CruxRequest request, CruxClientSettings settings, CancellationToken cancellationToken)
    {
        HttpStatusCode status = await CruxSender.ReadStatusAsync(response, request, settings, cancellationToken).ConfigureAwait(false);
        return new SuccessAnswer(status, RequestIds.ForResult(response, request));
    }
}
