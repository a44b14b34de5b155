using System.Net;

namespace Crux.Connect;

/// <summary>
/// What a successful change of one user's permissions reports: the user, the permission uuids sent and the server's answer.
/// The base of <see cref="RemovePermissionsResult"/> and <see cref="AddPermissionsResult"/>, so code that handles either
/// (a log line, an audit record) is written once.
/// </summary>
/// <remarks>
/// Only this library derives from it (its constructor is not public), so a member added in a later version breaks no one.
/// Tests and mocks build the results with <see cref="CruxModelFactory"/>, as Azure SDKs do: the results' constructors are
/// internal, so a fact added to a result later is a new optional parameter of the factory, not a breaking constructor change.
/// </remarks>
public abstract class PermissionChangeResult
{
    private protected PermissionChangeResult(Guid userUuid, byte[] permissionUuidsBody, HttpStatusCode statusCode, string? requestId)
    {
        UserUuid = userUuid;
        // The body the call sent (Requests/PermissionUuidsBody.cs), never changed after it is written: the uuids are read
        // back from it rather than kept in a second array (benchmarks/README.md, "Why the code does X").
        PermissionUuids = new Internal.PermissionUuidList(permissionUuidsBody ?? throw new ArgumentNullException(nameof(permissionUuidsBody)));
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>Gets the user whose permissions changed.</summary>
    public Guid UserUuid { get; }

    /// <summary>Gets the permission uuids that were sent: duplicates removed, the caller's order kept.</summary>
    /// <remarks>A read-only view over the request body that was sent.</remarks>
    public IReadOnlyList<Guid> PermissionUuids { get; }

    /// <summary>Gets the success status the server answered (200, 201, 202 or 204).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// Gets the server's request id (<c>X-Request-Id</c>, <c>X-Correlation-Id</c> or <c>Request-Id</c>, as
    /// <see cref="CruxApiException.RequestId"/> reads it): what Crux support asks for. <see langword="null"/> if the server sent none.
    /// </summary>
    public string? RequestId { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{GetType().Name} {{ UserUuid = {UserUuid}, PermissionUuids = [{string.Join(", ", PermissionUuids)}], StatusCode = {(int)StatusCode}{(RequestId is null ? string.Empty : ", RequestId = " + RequestId)} }}";
}
