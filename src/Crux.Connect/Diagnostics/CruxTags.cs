namespace Crux.Connect.Diagnostics;

/// <summary>
/// Tag names: the OpenTelemetry HTTP client semantic conventions where one exists, <c>crux.*</c> for the rest.
/// None of them ever carries the token: <c>url.full</c> is the base address (validated to hold no user
/// information, query or fragment) plus the operation's path.
/// </summary>
internal static class CruxTags
{
    public const string HttpRequestMethod = "http.request.method";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string UrlFull = "url.full";
    public const string HttpResponseStatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";
    public const string ExceptionType = "exception.type";
    public const string Operation = "crux.operation";
    public const string ClientName = "crux.client.name";
    public const string PermissionCount = "crux.permission_count";
    public const string AttemptCount = "crux.attempt_count";
    public const string Attempt = "crux.attempt";
    public const string RetryDelay = "crux.retry.delay";

    public const string AttemptEvent = "crux.attempt";
    public const string RetryEvent = "crux.retry";
}
