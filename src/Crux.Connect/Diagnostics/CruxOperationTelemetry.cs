using System.Diagnostics;
using Crux.Connect.Internal;
using Microsoft.Extensions.Logging;

namespace Crux.Connect.Diagnostics;

/// <summary>
/// What is observed of one operation while it runs: its activity, when it started, how many attempts it made
/// and the last status it saw. Created only when something listens (see <see cref="CruxClientDiagnostics.Start"/>);
/// attempts of one operation never overlap, so plain fields suffice.
/// </summary>
internal sealed class CruxOperationTelemetry
{
    private readonly CruxClientDiagnostics _client;
    private readonly CruxRequest _request;
    private readonly long _startedAt;
    private long _attemptStartedAt;
    private int? _statusCode;
    private string? _path;

    public CruxOperationTelemetry(CruxClientDiagnostics client, in CruxRequest request, Activity? activity)
    {
        _client = client;
        _request = request;
        Activity = activity;
        _startedAt = client.TimeProvider.GetTimestamp();

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(CruxTags.Operation, request.Operation);
            activity.SetTag(CruxTags.HttpRequestMethod, request.Method.Method);
            activity.SetTag(CruxTags.ServerAddress, client.ServerAddress);
            activity.SetTag(CruxTags.ServerPort, client.ServerPort);
            activity.SetTag(CruxTags.UrlFull, request.Uri);
            if (client.ClientName is not null)
            {
                activity.SetTag(CruxTags.ClientName, client.ClientName);
            }
            if (request.PermissionCount > 0)
            {
                activity.SetTag(CruxTags.PermissionCount, TagValues.Boxed(request.PermissionCount));
            }
        }

        ILogger logger = client.Logger;
        if (logger.IsEnabled(LogLevel.Debug))
        {
            CruxLog.OperationStarting(logger, request.Operation, request.Method.Method, Path);
        }
    }

    public Activity? Activity { get; }

    public int Attempts { get; private set; }

    /// <summary>Gets the path as the server sees it, computed once and only when a log record needs it.</summary>
    private string Path => _path ??= _request.PathForDisplay(_client.Settings);

    public void AttemptStarting()
    {
        Attempts++;
        _statusCode = null;
        _attemptStartedAt = _client.TimeProvider.GetTimestamp();
        ILogger logger = _client.Logger;
        if (logger.IsEnabled(LogLevel.Debug))
        {
            CruxLog.AttemptStarting(logger, _request.Operation, _request.Method.Method, Path, Attempts);
        }
    }

    public void AttemptAnswered(int statusCode)
    {
        _statusCode = statusCode;
        ILogger logger = _client.Logger;
        if (logger.IsEnabled(LogLevel.Debug))
        {
            double elapsed = _client.TimeProvider.GetElapsedTime(_attemptStartedAt).TotalMilliseconds;
            CruxLog.AttemptAnswered(logger, _request.Operation, _request.Method.Method, Path, Attempts, statusCode, elapsed);
        }

        if (Activity is { IsAllDataRequested: true } activity)
        {
            activity.AddEvent(new ActivityEvent(CruxTags.AttemptEvent, tags: new ActivityTagsCollection
            {
                [CruxTags.Attempt] = TagValues.Boxed(Attempts),
                [CruxTags.HttpResponseStatusCode] = TagValues.Boxed(statusCode),
            }));
        }
    }

    /// <summary>Called by the retry strategy before it waits <paramref name="delay"/> for the next attempt.</summary>
    public void Retrying(Exception? exception, TimeSpan delay)
    {
        string reason = exception is null ? "unknown" : ErrorTypes.Of(exception);
        ILogger logger = _client.Logger;
        if (logger.IsEnabled(LogLevel.Information))
        {
            CruxLog.RetryScheduled(logger, _request.Operation, _request.Method.Method, Path, Attempts, reason, delay.TotalMilliseconds);
        }

        if (Activity is { IsAllDataRequested: true } activity)
        {
            activity.AddEvent(new ActivityEvent(CruxTags.RetryEvent, tags: new ActivityTagsCollection
            {
                [CruxTags.Attempt] = TagValues.Boxed(Attempts),
                [CruxTags.ErrorType] = reason,
                [CruxTags.RetryDelay] = delay.TotalSeconds,
            }));
        }

        if (_client.Metrics.Retries.Enabled)
        {
            var tags = new TagList
            {
                { CruxTags.Operation, _request.Operation },
                { CruxTags.HttpRequestMethod, _request.Method.Method },
                { CruxTags.ServerAddress, _client.ServerAddress },
                { CruxTags.ErrorType, reason },
            };
            AddClientName(ref tags);
            _client.Metrics.Retries.Add(1, in tags);
        }
    }

    public void Succeeded()
    {
        TimeSpan elapsed = _client.TimeProvider.GetElapsedTime(_startedAt);
        ILogger logger = _client.Logger;
        if (logger.IsEnabled(LogLevel.Information))
        {
            CruxLog.OperationSucceeded(logger, _request.Operation, _request.Method.Method, Path, _client.ServerAddress, _statusCode, elapsed.TotalMilliseconds, Attempts);
        }

        RecordDuration(elapsed, errorType: null);
        if (Activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                SetEndTags(activity);
            }

            activity.SetStatus(ActivityStatusCode.Ok);
            activity.Dispose();
        }
    }

    /// <summary>
    /// Records the failure. Always answers <see langword="false"/>, so it can run in an exception filter and
    /// leave the exception and its stack untouched.
    /// </summary>
    public bool Failed(Exception exception, bool canceledByCaller)
    {
        TimeSpan elapsed = _client.TimeProvider.GetElapsedTime(_startedAt);
        string errorType = ErrorTypes.Of(exception);
        _statusCode = ErrorTypes.StatusOf(exception) ?? _statusCode;
        ILogger logger = _client.Logger;
        if (canceledByCaller)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                CruxLog.OperationCanceled(logger, _request.Operation, _request.Method.Method, Path, elapsed.TotalMilliseconds, Attempts);
            }
        }
        else if (logger.IsEnabled(LogLevel.Warning))
        {
            if (ErrorTypes.StatusOf(exception) is int status)
            {
                CruxLog.OperationFailed(
                    logger,
                    _request.Operation,
                    _request.Method.Method,
                    Path,
                    _client.ServerAddress,
                    ErrorTypes.TypeName(exception),
                    status,
                    elapsed.TotalMilliseconds,
                    Attempts,
                    ServerText.Escape((exception as CruxApiException)?.Detail), // never a forged log line
                    exception);
            }
            else
            {
                CruxLog.OperationFailedWithoutAnswer(
                    logger, _request.Operation, _request.Method.Method, Path, _client.ServerAddress, ErrorTypes.TypeName(exception), elapsed.TotalMilliseconds, Attempts, exception);
            }
        }

        RecordDuration(elapsed, errorType);
        if (_client.Metrics.Errors.Enabled)
        {
            var tags = new TagList
            {
                { CruxTags.Operation, _request.Operation },
                { CruxTags.HttpRequestMethod, _request.Method.Method },
                { CruxTags.ServerAddress, _client.ServerAddress },
                { CruxTags.ExceptionType, ErrorTypes.TypeName(exception) },
            };
            AddClientName(ref tags);
            if (ErrorTypes.StatusOf(exception) is int status)
            {
                tags.Add(CruxTags.HttpResponseStatusCode, TagValues.Boxed(status));
            }

            _client.Metrics.Errors.Add(1, in tags);
        }

        if (Activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                SetEndTags(activity);
                activity.SetTag(CruxTags.ErrorType, errorType);
            }

            // The type, not the message: a description is exported as is, and a type name can hold nothing secret.
            activity.SetStatus(ActivityStatusCode.Error, ErrorTypes.TypeName(exception));
            activity.Dispose();
        }

        return false;
    }

    private void SetEndTags(Activity activity)
    {
        if (_statusCode is int status)
        {
            activity.SetTag(CruxTags.HttpResponseStatusCode, TagValues.Boxed(status));
        }

        activity.SetTag(CruxTags.AttemptCount, TagValues.Boxed(Attempts));
    }

    private void RecordDuration(TimeSpan elapsed, string? errorType)
    {
        if (!_client.Metrics.Duration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { CruxTags.Operation, _request.Operation },
            { CruxTags.HttpRequestMethod, _request.Method.Method },
            { CruxTags.ServerAddress, _client.ServerAddress },
            { CruxTags.ServerPort, _client.ServerPort },
        };
        AddClientName(ref tags);
        if (_statusCode is int status)
        {
            tags.Add(CruxTags.HttpResponseStatusCode, TagValues.Boxed(status));
        }

        if (errorType is not null)
        {
            tags.Add(CruxTags.ErrorType, errorType);
        }

        _client.Metrics.Duration.Record(elapsed.TotalSeconds, in tags);
    }

    private void AddClientName(ref TagList tags)
    {
        if (_client.ClientName is not null)
        {
            tags.Add(CruxTags.ClientName, _client.ClientName);
        }
    }
}
