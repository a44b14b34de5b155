using Crux.Connect.Authentication;
using Crux.Connect.Internal;
using Microsoft.Extensions.Logging;

namespace Crux.Connect;

/// <summary>
/// The entry point of the Crux Connect SDK. It wraps an <see cref="HttpClient"/> that the caller owns (and
/// never disposes it), adds token authentication, typed results and errors, retries and timeouts.
/// Thread-safe; create one per set of options and share it, or register it with <c>AddCruxConnect</c>.
/// </summary>
/// <example>
/// <code>
/// var client = new CruxClient(httpClient, new CruxClientOptions { ApiToken = token });
/// await client.OrganizationUsers.RemovePermissionsAsync(userUuid, new[] { permissionUuid });
/// </code>
/// </example>
public class CruxClient
{
    private readonly OrganizationUsersClient? _organizationUsers;

    /// <summary>Initializes a new instance of the <see cref="CruxClient"/> class.</summary>
    /// <param name="httpClient">The HTTP client to send through. Its <see cref="HttpClient.BaseAddress"/> is ignored: <see cref="CruxClientOptions.BaseAddress"/> decides. It is never disposed by the SDK.</param>
    /// <param name="options">The settings; a snapshot is taken now, so later changes to the object do not affect this client.</param>
    /// <include file="Errors/ExceptionDocs.xml" path="docs/client/exception"/>
    public CruxClient(HttpClient httpClient, CruxClientOptions options)
        : this(httpClient, options, null, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxClient"/> class with logging and a clock.</summary>
    /// <param name="httpClient">The HTTP client to send through. It is never disposed by the SDK.</param>
    /// <param name="options">The settings; a snapshot is taken now.</param>
    /// <param name="loggerFactory">Where the SDK logs (category <c>Crux.Connect</c>); <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The clock for timeouts and retry delays; <see langword="null"/> for <see cref="TimeProvider.System"/>. Tests pass a fake one.</param>
    /// <include file="Errors/ExceptionDocs.xml" path="docs/client/exception"/>
    public CruxClient(HttpClient httpClient, CruxClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        Guard.NotNull(httpClient);
        var core = CruxClientCore.Create(options, nameof(options), () => httpClient, loggerFactory, timeProvider);
        _organizationUsers = new OrganizationUsersClient(httpClient, core);
    }

    /// <summary>Initializes a new instance of the <see cref="CruxClient"/> class for mocking.</summary>
    protected CruxClient()
    {
    }

    internal CruxClient(HttpClient httpClient, CruxClientCore core)
    {
        _organizationUsers = new OrganizationUsersClient(httpClient, core);
    }

    /// <summary>Gets the operations on an organization's users and their permissions.</summary>
    public virtual OrganizationUsersClient OrganizationUsers => _organizationUsers ?? throw new InvalidOperationException(
        "This CruxClient was created for mocking and has no connection; override OrganizationUsers.");
}
