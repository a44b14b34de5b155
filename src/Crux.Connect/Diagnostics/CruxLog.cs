using Microsoft.Extensions.Logging;

namespace Crux.Connect.Diagnostics;

/// <summary>
/// Every log event of the SDK (category <c>Crux.Connect</c>), source-generated so that nothing is formatted or
/// allocated when the level is off. The event ids are part of the documented surface (README, "Observability"):
/// add new ones, never renumber. Values are the operation, method, path (the user uuid is an identifier, not a
/// secret), status, counts and durations; the token is never one of them.
/// </summary>
internal static partial class CruxLog
{
    [LoggerMessage(EventId = 100, EventName = "OperationStarting", Level = LogLevel.Debug,
        Message = "Crux Connect {Operation} {HttpMethod} {Path}: starting")]
    public static partial void OperationStarting(ILogger logger, string operation, string httpMethod, string path);

    [LoggerMessage(EventId = 101, EventName = "OperationSucceeded", Level = LogLevel.Information,
        Message = "Crux Connect {Operation} {HttpMethod} {Path} at {ServerAddress}: answered {StatusCode} in {ElapsedMilliseconds:0.0} ms after {AttemptCount} attempt(s)")]
    public static partial void OperationSucceeded(
        ILogger logger, string operation, string httpMethod, string path, string serverAddress, int? statusCode, double elapsedMilliseconds, int attemptCount);

    [LoggerMessage(EventId = 102, EventName = "OperationFailed", Level = LogLevel.Warning,
        Message = "Crux Connect {Operation} {HttpMethod} {Path} at {ServerAddress}: failed with {ExceptionType} (status {StatusCode}) in {ElapsedMilliseconds:0.0} ms after {AttemptCount} attempt(s): {Detail}")]
    public static partial void OperationFailed(
        ILogger logger,
        string operation,
        string httpMethod,
        string path,
        string serverAddress,
        string exceptionType,
        int statusCode,
        double elapsedMilliseconds,
        int attemptCount,
        string? detail,
        Exception exception);

    // A failure with no answer (connection failure, timeout): there is no status to show, and "(status )" would read like
    // a bug, so it is its own event: one id, one text. It used to share id 102 and its name with the event above; 102
    // kept the failure most callers see (the server answered with a failure status), this one got the next free id.
    [LoggerMessage(EventId = 104, EventName = "OperationFailedWithoutAnswer", Level = LogLevel.Warning,
        Message = "Crux Connect {Operation} {HttpMethod} {Path} at {ServerAddress}: failed with {ExceptionType} (no answer) in {ElapsedMilliseconds:0.0} ms after {AttemptCount} attempt(s)")]
    public static partial void OperationFailedWithoutAnswer(
        ILogger logger,
        string operation,
        string httpMethod,
        string path,
        string serverAddress,
        string exceptionType,
        double elapsedMilliseconds,
        int attemptCount,
        Exception exception);

    [LoggerMessage(EventId = 103, EventName = "OperationCanceled", Level = LogLevel.Information,
        Message = "Crux Connect {Operation} {HttpMethod} {Path}: canceled by the caller after {ElapsedMilliseconds:0.0} ms and {AttemptCount} attempt(s)")]
    public static partial void OperationCanceled(
        ILogger logger, string operation, string httpMethod, string path, double elapsedMilliseconds, int attemptCount);

    [LoggerMessage(EventId = 110, EventName = "AttemptStarting", Level = LogLevel.Debug,
        Message = "Crux Connect {Operation} {HttpMethod} {Path}: attempt {Attempt} sending")]
    public static partial void AttemptStarting(ILogger logger, string operation, string httpMethod, string path, int attempt);

    [LoggerMessage(EventId = 111, EventName = "AttemptAnswered", Level = LogLevel.Debug,
        Message = "Crux Connect {Operation} {HttpMethod} {Path}: attempt {Attempt} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    public static partial void AttemptAnswered(
        ILogger logger, string operation, string httpMethod, string path, int attempt, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 120, EventName = "RetryScheduled", Level = LogLevel.Information,
        Message = "Crux Connect {Operation} {HttpMethod} {Path}: attempt {Attempt} failed ({Reason}); retrying in {DelayMilliseconds:0} ms")]
    public static partial void RetryScheduled(
        ILogger logger, string operation, string httpMethod, string path, int attempt, string reason, double delayMilliseconds);
}
