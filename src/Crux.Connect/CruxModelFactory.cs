using System.Net;

namespace Crux.Connect;

/// <summary>
/// Builds the SDK's result types for tests and mocks (the results' constructors are internal, as in Azure SDKs' model
/// factories): a fact added to a result in a later version becomes a new optional parameter here, so test code written
/// today keeps compiling.
/// </summary>
/// <example>
/// <code>
/// public override Task&lt;RemovePermissionsResult&gt; RemovePermissionsAsync(Guid userUuid, IEnumerable&lt;Guid&gt; permissionUuids, CancellationToken cancellationToken = default) =>
///     Task.FromResult(CruxModelFactory.RemovePermissionsResult(userUuid, permissionUuids, requestId: "test"));
/// </code>
/// </example>
public static class CruxModelFactory
{
    /// <summary>Builds a <see cref="Crux.Connect.RemovePermissionsResult"/>.</summary>
    /// <param name="userUuid">The user.</param>
    /// <param name="permissionUuids">The permission uuids sent, kept as given (copied; the SDK itself reports them with duplicates removed).</param>
    /// <param name="statusCode">The success status the server answered. The default value is 204 No Content, Crux Connect's answer.</param>
    /// <param name="requestId">The server's request id, or <see langword="null"/> if it sent none.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="permissionUuids"/> is <see langword="null"/>.</exception>
    public static RemovePermissionsResult RemovePermissionsResult(
        Guid userUuid, IEnumerable<Guid> permissionUuids, HttpStatusCode statusCode = HttpStatusCode.NoContent, string? requestId = null) =>
        new(userUuid, Copy(permissionUuids), statusCode, requestId);

    /// <summary>Builds an <see cref="Crux.Connect.AddPermissionsResult"/>.</summary>
    /// <param name="userUuid">The user.</param>
    /// <param name="permissionUuids">The permission uuids sent, kept as given (copied; the SDK itself reports them with duplicates removed).</param>
    /// <param name="statusCode">The success status the server answered. The default value is 204 No Content, Crux Connect's answer.</param>
    /// <param name="requestId">The server's request id, or <see langword="null"/> if it sent none.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="permissionUuids"/> is <see langword="null"/>.</exception>
    public static AddPermissionsResult AddPermissionsResult(
        Guid userUuid, IEnumerable<Guid> permissionUuids, HttpStatusCode statusCode = HttpStatusCode.NoContent, string? requestId = null) =>
        new(userUuid, Copy(permissionUuids), statusCode, requestId);

    /// <summary>The uuids as given, written as a call's body is: the results read their uuids from a body.</summary>
    private static byte[] Copy(IEnumerable<Guid> permissionUuids) =>
        Internal.PermissionUuidsBody.Create(permissionUuids?.ToArray() ?? throw new ArgumentNullException(nameof(permissionUuids)));
}
