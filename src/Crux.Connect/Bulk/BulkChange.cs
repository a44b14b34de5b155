using System.Net;

namespace Crux.Connect.Bulk;

/// <summary>What a bulk operation does to each user: the operation, its method, and how its result is made.</summary>
internal sealed class BulkChange<TResult>
    where TResult : class
{
    public BulkChange(
        string operation,
        HttpMethod method,
        Func<Guid, Guid[], HttpStatusCode, string?, TResult> createResult,
        Func<OrganizationUsersClient, Guid, Guid[], CancellationToken, Task<TResult>> callPublicMethod)
    {
        Operation = operation;
        Method = method;
        CreateResult = createResult;
        CallPublicMethod = callPublicMethod;
    }

    public string Operation { get; }

    public HttpMethod Method { get; }

    public Func<Guid, Guid[], HttpStatusCode, string?, TResult> CreateResult { get; }

    /// <summary>Gets the single-user public method, for a client that is a mock and has no connection of its own.</summary>
    public Func<OrganizationUsersClient, Guid, Guid[], CancellationToken, Task<TResult>> CallPublicMethod { get; }
}
