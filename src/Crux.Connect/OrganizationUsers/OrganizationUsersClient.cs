using System.Net;
using System.Runtime.CompilerServices;
using Crux.Connect.Internal;
using Crux.Connect.Internal.Json;

namespace Crux.Connect;

/// <summary>
/// The permissions of an organization's users: remove, add, read a user's, and list all.
/// Obtain it from <see cref="CruxClient.OrganizationUsers"/> or, after <c>AddCruxConnect</c>, from the container.
/// Thread-safe. Every method is virtual so it can be mocked.
/// </summary>
public partial class OrganizationUsersClient
{
    private static readonly HttpMethod Patch = new("PATCH");

    private readonly HttpClient? _httpClient;
    private readonly CruxClientCore? _core;

    /// <summary>Initializes a new instance of the <see cref="OrganizationUsersClient"/> class for mocking.</summary>
    protected OrganizationUsersClient()
    {
    }

    internal OrganizationUsersClient(HttpClient httpClient, CruxClientCore core)
    {
        _httpClient = httpClient;
        _core = core;
    }

    /// <summary>
    /// Removes permissions from an organization user:
    /// <c>DELETE /organizations/users/permissions/{user_uuid}/</c> with <c>{"permission_uuids": [...]}</c>.
    /// The caller needs the <c>edit_org_users</c> permission. Removing a permission the user does not hold is
    /// not an error, so the call is safe to repeat (and is retried on transient failures).
    /// </summary>
    /// <param name="userUuid">The user whose permissions are removed.</param>
    /// <param name="permissionUuids">The permissions to remove. Duplicates are sent once; the order is kept.</param>
    /// <param name="cancellationToken">Cancels the call; raises <see cref="OperationCanceledException"/>.</param>
    /// <returns>What was sent and the success status the server answered.</returns>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/uuids/exception"/>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/call/exception"/>
    [OverloadResolutionPriority(1)]
    public virtual Task<RemovePermissionsResult> RemovePermissionsAsync(
        Guid userUuid, IEnumerable<Guid> permissionUuids, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(userUuid);
        byte[] body = DistinctUuids.CreateBody(permissionUuids, nameof(permissionUuids));
        return RemoveCoreAsync(userUuid, body, scope: null, cancellationToken);
    }

    /// <summary>
    /// Adds permissions to an organization user:
    /// <c>PATCH /organizations/users/permissions/{user_uuid}/</c> with <c>{"permission_uuids": [...]}</c>.
    /// The caller needs the <c>edit_org_users</c> permission. Adding a permission the user already holds is
    /// not an error, so the call is safe to repeat (and is retried on transient failures).
    /// </summary>
    /// <param name="userUuid">The user who receives the permissions.</param>
    /// <param name="permissionUuids">The permissions to add. Duplicates are sent once; the order is kept.</param>
    /// <param name="cancellationToken">Cancels the call; raises <see cref="OperationCanceledException"/>.</param>
    /// <returns>What was sent and the success status the server answered.</returns>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/uuids/exception"/>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/call/exception"/>
    [OverloadResolutionPriority(1)]
    public virtual Task<AddPermissionsResult> AddPermissionsAsync(
        Guid userUuid, IEnumerable<Guid> permissionUuids, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(userUuid);
        byte[] body = DistinctUuids.CreateBody(permissionUuids, nameof(permissionUuids));
        return AddCoreAsync(userUuid, body, scope: null, cancellationToken);
    }

    /// <summary>
    /// Reads a user's permissions: <c>GET /organizations/users/permissions/{user_uuid}/</c>. Every permission the
    /// user's organization can hold is listed, each saying whether it is assigned. The caller needs <c>view_org_users</c>.
    /// </summary>
    /// <param name="userUuid">The user.</param>
    /// <param name="cancellationToken">Cancels the call; raises <see cref="OperationCanceledException"/>.</param>
    /// <returns>The permissions, in the server's order.</returns>
    /// <exception cref="ArgumentException"><paramref name="userUuid"/> is <see cref="Guid.Empty"/>. Nothing is sent.</exception>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/call/exception"/>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/read/exception"/>
    public virtual Task<IReadOnlyList<PermissionAssignment>> GetPermissionsAsync(
        Guid userUuid, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(userUuid);
        return GetPermissionsCoreAsync(userUuid, scope: null, cancellationToken);
    }

    /// <summary>
    /// Lists every permission of the catalog: <c>GET /organizations/all_permissions/</c>. Permission uuids differ
    /// between environments, so resolve names (such as <c>edit_org_users</c>) to uuids through this list.
    /// The caller needs <c>view_org_users</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call; raises <see cref="OperationCanceledException"/>.</param>
    /// <returns>The permissions, in the server's order.</returns>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/call/exception"/>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/read/exception"/>
    public virtual Task<IReadOnlyList<Permission>> GetAllPermissionsAsync(CancellationToken cancellationToken = default) =>
        GetAllPermissionsCoreAsync(scope: null, cancellationToken);

    // A mock reaches here through a method it did not override, often one a composite call is built on: say which those are.
    private CruxClientCore Core => _core ?? throw new InvalidOperationException(
        "This OrganizationUsersClient was created for mocking and has no connection; override the method you call and those it is built on: " +
        "a by-name call resolves names through GetAllPermissionsAsync; a set or a plan reads through GetPermissionsAsync and changes through " +
        "RemovePermissionsAsync and AddPermissionsAsync (by uuid).");

    /// <summary>A removal in <paramref name="scope"/> (the composite call it is part of); <see langword="null"/> for a call alone.</summary>
    private Task<RemovePermissionsResult> RemoveCoreAsync(Guid userUuid, Guid[] uuids, CruxCallScope? scope, CancellationToken cancellationToken) =>
        RemoveCoreAsync(userUuid, PermissionUuidsBody.Create(uuids), scope, cancellationToken);

    private Task<AddPermissionsResult> AddCoreAsync(Guid userUuid, Guid[] uuids, CruxCallScope? scope, CancellationToken cancellationToken) =>
        AddCoreAsync(userUuid, PermissionUuidsBody.Create(uuids), scope, cancellationToken);

    /// <summary>A removal of the uuids in <paramref name="body"/> (<see cref="PermissionUuidsBody"/>); the result reads them back from it.</summary>
    private async Task<RemovePermissionsResult> RemoveCoreAsync(Guid userUuid, byte[] body, CruxCallScope? scope, CancellationToken cancellationToken)
    {
        ChangeAnswer answer = await SendChangeAsync("RemovePermissions", HttpMethod.Delete, userUuid, body, scope, cancellationToken).ConfigureAwait(false);
        return new RemovePermissionsResult(userUuid, body, answer.StatusCode, answer.RequestId);
    }

    private async Task<AddPermissionsResult> AddCoreAsync(Guid userUuid, byte[] body, CruxCallScope? scope, CancellationToken cancellationToken)
    {
        ChangeAnswer answer = await SendChangeAsync("AddPermissions", Patch, userUuid, body, scope, cancellationToken).ConfigureAwait(false);
        return new AddPermissionsResult(userUuid, body, answer.StatusCode, answer.RequestId);
    }

    /// <summary>One DELETE or PATCH of a user's permissions, with the uuids as its JSON body.</summary>
    private ValueTask<ChangeAnswer> SendChangeAsync(string operation, HttpMethod method, Guid userUuid, byte[] body, CruxCallScope? scope, CancellationToken cancellationToken)
    {
        CruxClientCore core = Core;
        var request = new CruxRequest(operation, method, CruxPaths.UserPermissions(core.Settings, userUuid), body)
        {
            PermissionCount = PermissionUuidsBody.CountOf(body),
        };
        return CruxSender.SendAsync(_httpClient!, core, request, ChangeAnswer.ReadAsync, scope, cancellationToken);
    }

    private Task<IReadOnlyList<PermissionAssignment>> GetPermissionsCoreAsync(Guid userUuid, CruxCallScope? scope, CancellationToken cancellationToken)
    {
        CruxClientCore core = Core;
        var request = new CruxRequest("GetPermissions", HttpMethod.Get, CruxPaths.UserPermissions(core.Settings, userUuid), null);
        return CruxSender.SendAsync<IReadOnlyList<PermissionAssignment>>(
            _httpClient!,
            core,
            request,
            static async (response, request, settings, ct) => ResponseParsers.MapAssignments(
                await ResponseParsers.ReadJsonAsync(response, CruxJsonContext.Default.UserPermissionsDto, request, settings, ct).ConfigureAwait(false),
                response,
                request,
                settings),
            scope,
            cancellationToken).AsTask();
    }

    private Task<IReadOnlyList<Permission>> GetAllPermissionsCoreAsync(CruxCallScope? scope, CancellationToken cancellationToken)
    {
        CruxClientCore core = Core;
        var request = new CruxRequest("GetAllPermissions", HttpMethod.Get, CruxPaths.AllPermissions(core.Settings), null);
        return CruxSender.SendAsync<IReadOnlyList<Permission>>(
            _httpClient!,
            core,
            request,
            static async (response, request, settings, ct) => ResponseParsers.MapPermissions(
                await ResponseParsers.ReadJsonAsync(response, CruxJsonContext.Default.ListPermissionDto, request, settings, ct).ConfigureAwait(false),
                response,
                request,
                settings),
            scope,
            cancellationToken).AsTask();
    }
}
