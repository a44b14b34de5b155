using System.Runtime.ExceptionServices;
using Crux.Connect.Diagnostics;
using Polly;
using Polly.Timeout;

namespace Crux.Connect.Internal;

/// <summary>
/// Sends one operation through the client's resilience pipeline. Each attempt builds a fresh request
/// message from the same <see cref="CruxRequest"/>, sends it, and turns the answer into a result or a
/// typed exception; the pipeline decides whether that exception deserves another attempt. A failure that must end the
/// call is handed to the pipeline as a type that says so (<see cref="TransientFailures"/>), and a 429 in a bulk run
/// pauses the run here, where it is received.
/// </summary>
internal static class CruxSender
{
    /// <summary>The success statuses Crux Connect documents. Any other status, 2xx included, is a failure.</summary>
    public static bool IsDocumentedSuccess(int status) => status is 200 or 201 or 202 or 204;

#if NET
    // Pooled state machines for the two async layers every call passes through: the loopback harness shows it pays
    // (figure in benchmarks/README.md, "Why the code does X").
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    public static async ValueTask<TResult> SendAsync<TResult>(
        HttpClient httpClient,
        CruxClientCore core,
        CruxRequest request,
        SuccessReader<TResult> readSuccess,
        CruxCallScope? scope,
        CancellationToken cancellationToken)
    {
        // Inside a composite call (by name, a set, a bulk run's user) this request runs under that call's deadline and
        // group, when the scope is this core's; otherwise (a call alone, a login through its own core) under its own.
        CruxCallScope? callScope = CruxCallScope.For(core, scope);
        ResilienceContext context = ResilienceContextPool.Shared.Get(request.Operation, cancellationToken);

        // Null unless a log level, an activity listener or an instrument is on: then telemetry costs nothing.
        CruxOperationTelemetry? telemetry = core.Diagnostics.Start(request);
        var call = new CruxCall<TResult>(httpClient, core, request, readSuccess, callScope, telemetry, cancellationToken);
        try
        {
            // One object for both readers: the strategies find it in the context, each attempt gets it as its state.
            context.Properties.Set(CruxResilience.CallState, call);
            Outcome<TResult> outcome = await core.Pipeline.ExecuteOutcomeAsync(
                static (ctx, call) => AttemptAsync(call, ctx.CancellationToken),
                context,
                call).ConfigureAwait(false);
            if (outcome.Exception is FinalFailure final)
            {
                // The wrapper only told the retry predicate "final"; the caller gets what the token source raised.
                ExceptionDispatchInfo.Capture(final.Failure).Throw();
            }

            outcome.ThrowIfException();
            telemetry?.Succeeded();
            return outcome.Result!;
        }
        catch (TimeoutRejectedException exception) when (!cancellationToken.IsCancellationRequested)
        {
            var timeout = new CruxTimeoutException(
                $"{request.Describe(core.Settings)} did not complete within {DescribeLimit(call, core, exception)}.",
                exception);
            telemetry?.Failed(timeout, canceledByCaller: false);
            throw timeout;
        }
        catch (Exception exception) when (telemetry is not null && telemetry.Failed(exception, cancellationToken.IsCancellationRequested))
        {
            // Unreachable: Failed records the failure and answers false, so the exception passes on untouched.
            throw;
        }
        finally
        {
            // A retry that will never start (cancelled, out of time) must not hold the run's new users back.
            call.ClearRetryPending();
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// One attempt: obtain the token, send, and turn the answer into a result or a typed exception. A 401 with a token
    /// provider that can renew gets one new token and one more request inside the same attempt (once per call), so the
    /// renewal runs under the call's deadline and the token handed to <c>InvalidateAsync</c> is the one that was sent.
    /// </summary>
#if NET
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "An attempt returns every failure as a Polly outcome; the pipeline's one transient rule decides what is retried and what is rethrown.")]
    private static async ValueTask<Outcome<TResult>> AttemptAsync<TResult>(CruxCall<TResult> call, CancellationToken cancellationToken)
    {
        call.Telemetry?.AttemptStarting();
        HttpClient httpClient = call.HttpClient;
        CruxClientCore core = call.Core;
        CruxRequest request = call.Request;
        CruxClientSettings settings = core.Settings;
        CruxAuthorization authorizer = core.Authorization;
        CancellationToken callerToken = call.CallerToken;

        // Outside the try: a transport failure is redacted with the secrets of the request that failed, and its final
        // address tells whether the HttpClient had followed a redirect before it failed.
        var redactor = SecretRedactor.None;
        Uri? sent = null;
        HttpRequestMessage? current = null;
        RateLimitGate? gate = call.Group?.Gate;
        call.Probe = 0;
        bool probeRateLimited = false;

        // Whether a failure now would be the token source's (a provider, a login, InvalidateAsync): then it ends the call.
        bool acquiring = false;
        try
        {
            if (gate is not null)
            {
                // In a run, every attempt waits for the run's 429 pause, even one whose wait was chosen before a later
                // 429 made the pause longer, unless it is the pause's one early probe; then a retry after a 429 goes
                // before any new user.
                call.Probe = await gate.WaitAsync(mayProbe: true, cancellationToken).ConfigureAwait(false);
                call.ClearRetryPending();
            }

            acquiring = true;
            string authorization = await AcquireAsync(authorizer, cancellationToken).ConfigureAwait(false);
            acquiring = false;
            string? previous = null;
            while (true)
            {
                using HttpRequestMessage message = request.CreateMessage(authorization);
                current = message;
                sent = message.RequestUri!;
                redactor = previous is null
                    ? authorizer.RedactorFor(authorization)
                    : new SecretRedactor(authorizer.SecretOf(authorization), authorizer.SecretOf(previous));

                // Headers only: the body is read by us, with a cap, so a huge answer is never buffered whole.
                using HttpResponseMessage response = await httpClient
                    .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                call.Telemetry?.AttemptAnswered(status);
                if (call.Probe != 0 && status != 429)
                {
                    // The server answered the pause's probe without "too many": its window is open again, for everyone.
                    gate!.ProbeAnswered(call.Probe);
                    call.Probe = 0;
                }

                if (Redirects.Refuse(response, sent, request, settings, redactor) is { } redirect)
                {
                    // Never a success, a retry or a re-login (by its type): the answer did not come from where the request was meant to go.
                    return Outcome.FromException<TResult>(redirect);
                }

                if (IsDocumentedSuccess(status))
                {
                    // The reader gets the attempt's secrets, to redact what it surfaces (a request id, a body that is not JSON).
                    return Outcome.FromResult(await call.ReadSuccess(response, request with { Secrets = redactor }, settings, cancellationToken).ConfigureAwait(false));
                }

                if (status == 401 && authorizer.CanRefresh && !call.Refreshed)
                {
                    // A token that expired or was revoked: forget exactly the one this request sent, and try once more.
                    call.Refreshed = true;
                    previous = authorization;
                    acquiring = true;
                    authorization = await RenewAsync(authorizer, authorization, cancellationToken).ConfigureAwait(false);
                    acquiring = false;
                    call.Telemetry?.AttemptStarting();
                    continue;
                }

                Exception error = await CruxErrorFactory.CreateAsync(response, request, settings, redactor, core.TimeProvider, cancellationToken, callerToken).ConfigureAwait(false);
                probeRateLimited = error is CruxRateLimitException;
                if (probeRateLimited && call.Group is { } group)
                {
                    // Every 429 pauses the run, even one this call will not retry (out of budget or of time): the server asked
                    // everyone to slow down. A 429 to the pause's probe only delays the next probe (RateLimitGate).
                    group.RateLimited(CruxResilience.RunPause((CruxApiException)error, settings, call), call.Probe);
                }

                return Outcome.FromException<TResult>(error);
            }
        }
        catch (Exception exception)
        {
            Exception failure = Failed(exception, call, httpClient, current, sent, redactor, cancellationToken);
            return Outcome.FromException<TResult>(acquiring ? TokenSourceFailed(failure, call, settings) : failure);
        }
        finally
        {
            if (call.Probe != 0 && !probeRateLimited)
            {
                // The probe got no answer (cancelled, no connection): another attempt may ask. A 429 told the group above,
                // with the probe, so that it only delays the next probe.
                gate!.ProbeLost(call.Probe);
                call.Probe = 0;
            }
        }
    }

    /// <summary>What the attempt's failure is handed to the pipeline as.</summary>
    private static Exception Failed<TResult>(
        Exception exception, CruxCall<TResult> call, HttpClient httpClient, HttpRequestMessage? current, Uri? sent, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        CancellationToken callerToken = call.CallerToken;
        CruxRequest request = call.Request;
        CruxClientSettings settings = call.Core.Settings;
        if (exception is OperationCanceledException canceled)
        {
            if (cancellationToken.IsCancellationRequested && !callerToken.IsCancellationRequested)
            {
                // One of the pipeline's timeouts fired, not the caller: handed back as it is, the timeout strategy that fired
                // turns it into its TimeoutRejectedException (an attempt's is retried; the call's ends it).
                return canceled;
            }

            if (callerToken.IsCancellationRequested)
            {
                // The caller cancelled: say so with the caller's own token, as everywhere in .NET.
                return canceled.CancellationToken != callerToken ? new OperationCanceledException(canceled.Message, canceled, callerToken) : canceled;
            }

            if (!HttpClientTimedOut(canceled))
            {
                // Nobody with a deadline cancelled: the HttpClient itself gave up on its requests (disposed, or
                // CancelPendingRequests). Trying again on it cannot help: a CruxException is final by its type.
                return Disposed(request, settings, canceled);
            }

            // The HttpClient's own Timeout fired (an injected client's default is 100 s). Surface it as a timeout of
            // this attempt, which the pipeline may retry.
            return new CruxTimeoutException(
                $"{request.Describe(settings)}: the HttpClient.Timeout ({httpClient.Timeout}) elapsed before Crux Connect answered. " +
                "Set HttpClient.Timeout to Timeout.InfiniteTimeSpan to let CruxClientOptions.Timeout and AttemptTimeout govern.",
                canceled);
        }

        return exception switch
        {
            HttpRequestException or IOException => TransportFailed(exception, call, current, sent, redactor),

            // Final by its type (a CruxException), like the HttpClient giving up above.
            ObjectDisposedException => Disposed(request, settings, exception),

            // Anything else ends the call as it is; the pipeline decides.
            _ => exception,
        };
    }

    /// <summary>
    /// The token source (a provider, a login, <c>InvalidateAsync</c>) failed: the call ends with that failure, never
    /// retried by the operation's pipeline (a login follows the login rule, retried only when it provably never reached
    /// the server, inside the login itself; a provider's failure is its own). Handed over as a type that says so.
    /// </summary>
    private static Exception TokenSourceFailed(Exception failure, CruxCallState call, CruxClientSettings settings)
    {
        if (failure is OperationCanceledException canceled)
        {
            // The caller's cancellation ends the call as it is; the attempt's deadline stays the timeout strategy's to report.
            return call.CallerToken.IsCancellationRequested ? canceled : new FinalCancellation(canceled);
        }

        if (failure is CruxRateLimitException rateLimited && call.Group is { } group)
        {
            // The login was answered 429 (through the login's own core, outside the run): that pauses the run all the same.
            group.RateLimited(CruxResilience.RunPause(rateLimited, settings, call));
        }

        return new FinalFailure(failure);
    }

    /// <summary>
    /// No answer, or an answer cut off: the exception's text is the server's (see <see cref="TransportFailures"/>), so the
    /// message is composed, then redacted as a whole. After a redirect the HttpClient followed, it is a refused redirect.
    /// </summary>
    private static CruxException TransportFailed<TResult>(Exception exception, CruxCall<TResult> call, HttpRequestMessage? message, Uri? sent, SecretRedactor redactor)
    {
        CruxRequest request = call.Request;
        CruxClientSettings settings = call.Core.Settings;
        if (sent is not null && Redirects.RefuseUnanswered(message?.RequestUri, sent, request, settings, redactor, exception) is { } redirect)
        {
            // Final by its type: trying again would only follow the redirect again.
            return redirect;
        }

        string text = exception is HttpRequestException
            ? $"{request.Describe(settings)} got no answer from {settings.BaseUri.Host}: {exception.Message}"
            : $"{request.Describe(settings)}: the connection to {settings.BaseUri.Host} failed while reading the answer: {exception.Message}";
        return new CruxConnectionException(TransportFailures.Safe(text, redactor), TransportFailures.Redacted(exception, redactor));
    }

    /// <summary>A token, under the attempt's deadline even if the provider ignores the cancellation token.</summary>
    private static async ValueTask<string> AcquireAsync(CruxAuthorization authorizer, CancellationToken cancellationToken)
    {
        ValueTask<string> pending = authorizer.GetHeaderValueAsync(cancellationToken);
        return pending.IsCompletedSuccessfully
            ? pending.Result
            : await Deadlines.WaitAsync(pending.AsTask(), cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<string> RenewAsync(CruxAuthorization authorizer, string rejected, CancellationToken cancellationToken)
    {
        await Deadlines.WaitAsync(authorizer.InvalidateAsync(rejected, cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
        return await AcquireAsync(authorizer, cancellationToken).ConfigureAwait(false);
    }

    private static bool HttpClientTimedOut(OperationCanceledException exception) =>
        exception.InnerException is TimeoutException
        || System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    private static CruxException Disposed(CruxRequest request, CruxClientSettings settings, Exception exception) =>
        new($"{request.Describe(settings)}: the HttpClient was disposed (or its pending requests cancelled) before Crux Connect answered. " +
            "The SDK never disposes the HttpClient it is given: keep it alive as long as the CruxClient.", exception);

    /// <summary>Which limit ran out: the attempt timeout strategy reports exactly the attempt timeout; the overall one what was left of the call's.</summary>
    private static string DescribeLimit(CruxCallState call, CruxClientCore core, TimeoutRejectedException exception) =>
        exception.Timeout != core.Settings.AttemptTimeout || call.DeadlinePassed(core.TimeProvider)
            ? $"the overall timeout of {call.Timeout} (CruxClientOptions.Timeout)"
            : $"the attempt timeout of {core.Settings.AttemptTimeout} on its last attempt (CruxClientOptions.AttemptTimeout)";
}
