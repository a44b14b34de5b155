using Polly.Timeout;

namespace Crux.Connect.Diagnostics;

/// <summary>
/// The low-cardinality <c>error.type</c> of a failure, as the OpenTelemetry HTTP conventions define it: the
/// status code when the server answered with a failure, otherwise the exception's full type name.
/// </summary>
internal static class ErrorTypes
{
    private static readonly string TimeoutType = typeof(CruxTimeoutException).FullName!;

    public static string Of(Exception exception) => exception switch
    {
        CruxApiException api => TagValues.Text((int)api.StatusCode),

        // An attempt timeout is still Polly's exception inside the pipeline; callers only ever see ours.
        TimeoutRejectedException => TimeoutType,
        _ => TypeName(exception),
    };

    public static string TypeName(Exception exception) => exception is TimeoutRejectedException
        ? TimeoutType
        : exception.GetType().FullName ?? exception.GetType().Name;

    /// <summary>The status the server answered, for failures that carry one.</summary>
    public static int? StatusOf(Exception exception) => exception switch
    {
        CruxApiException api => (int)api.StatusCode,
        CruxInvalidResponseException invalid => (int)invalid.StatusCode,
        _ => null,
    };
}
