using Crux.Connect.Diagnostics;

namespace Crux.Connect.Internal;

/// <summary>
/// One call being sent: what each attempt needs (the request, its reader, the client and its core) on top of the state
/// the pipeline's strategies read (<see cref="CruxCallState"/>). One object carries both, so the pipeline passes a
/// reference from frame to frame rather than copying the request into each of them.
/// </summary>
/// <typeparam name="TResult">What the call returns.</typeparam>
internal sealed class CruxCall<TResult> : CruxCallState
{
    public CruxCall(
        HttpClient httpClient,
        CruxClientCore core,
        CruxRequest request,
        SuccessReader<TResult> readSuccess,
        CruxCallScope? scope,
        CruxOperationTelemetry? telemetry,
        CancellationToken callerToken)
        : base(core, scope, request.IsIdempotent, telemetry, callerToken)
    {
        HttpClient = httpClient;
        Core = core;
        Request = request;
        ReadSuccess = readSuccess;
    }

    public HttpClient HttpClient { get; }

    public CruxClientCore Core { get; }

    public CruxRequest Request { get; }

    public SuccessReader<TResult> ReadSuccess { get; }
}
