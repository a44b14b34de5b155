using Crux.Connect.Benchmarks.Infrastructure;
using Refit;

namespace Crux.Connect.Benchmarks.Contenders;

/// <summary>
/// Refit, source-generated (Refit's InterfaceStubGenerator builds the implementation at compile
/// time; <see cref="RestService.For{T}(HttpClient, RefitSettings)"/> picks it up).
/// </summary>
[Headers("Accept: " + Wire.Accept, "User-Agent: " + Wire.UserAgent)]
public interface ICruxRefitApi
{
    // buffered: true — Refit's default body (buffered: false) is a push stream with no known
    // length, which HttpClient sends chunked (Transfer-Encoding: chunked, no Content-Length); a
    // Django service behind WSGI reads a chunked body as empty. Buffered, it sends Content-Length.
    [Delete("/" + Wire.PermissionsPath + "{userUuid}/")]
    Task RemovePermissionsAsync(
        Guid userUuid,
        [Body(buffered: true)] PermissionUuidsRequest body,
        [Authorize("Token")] string token,
        CancellationToken cancellationToken = default);
}
