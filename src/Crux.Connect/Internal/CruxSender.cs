using System.Runtime.CompilerServices;
using Crux.Connect.Diagnostics;
using Polly;
using Polly.Timeout;

namespace Crux.Connect.Internal;

/// <summary>
/// Sends one operation through the client's resilience pipeline. Each attempt builds a fresh request
/// message from the same <see cref="CruxRequest"/>, sends it, and turns the answer into a result or a
/// typed exception; the pipeline decides whether that exception deserves another attempt.
/// </summary>
internal static class CruxSender
{
    public static ValueTask<TResult> SendAsync<TResult>(
        HttpClient httpClient,
        CruxClientCore core,
        CruxRequest request,
        Func<HttpResponseMessage, CruxRequest, CruxClientSettings, CancellationToken, ValueTask<TResult>> readSuccess,
        CancellationToken cancellationToken) =>
        core.Settings.Authorization.CanRefresh
            ? SendWithRefreshAsync(httpClient, core, request, readSuccess, cancellationToken)
            : SendOnceAsync(httpClient, core, request, readSuccess, cancellationToken);

#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private static async ValueTask<TResult> SendWithRefreshAsync<TResult>(
        HttpClient httpClient,
        CruxClientCore core,
        CruxRequest request,
        Func<HttpResponseMessage, CruxRequest, CruxClientSettings, CancellationToken, ValueTask<TResult>> readSuccess,
        CancellationToken cancellationToken)
    {
        CruxAuthorization authorization = core.Settings.Authorization;
        string used = await authorization.GetHeaderValueAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendOnceAsync(httpClient, core, request, readSuccess, cancellationToken).ConfigureAwait(false);
        }
        catch (CruxAuthenticationException)
        {
            // A token that expired or was revoked: obtain a new one and try once more; a second 401 is final.
            await authorization.InvalidateAsync(used, cancellationToken).ConfigureAwait(false);
            return await SendOnceAsync(httpClient, core, request, readSuccess, cancellationToken).ConfigureAwait(false);
        }
    }

#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private static async ValueTask<TResult> SendOnceAsync<TResult>(
        HttpClient httpClient,
        CruxClientCore core,
        CruxRequest request,
        Func<HttpResponseMessage, CruxRequest, CruxClientSettings, CancellationToken, ValueTask<TResult>> readSuccess,
        CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(request.Operation, cancellationToken);

        // Null unless a log level, an activity listener or an instrument is on: then telemetry costs nothing.
        CruxOperationTelemetry? telemetry = core.Diagnostics.Start(request);
        CruxCallState call = CruxCallState.Rent(core.TimeProvider.GetTimestamp(), request.IsIdempotent, telemetry);
        try
        {
            context.Properties.Set(CruxResilience.CallState, call);
            // ExecuteOutcomeAsync: the attempt answers an Outcome instead of throwing, so Polly needs no async wrapper
            // of its own around it (two fewer state machines per call, which matters when calls complete asynchronously).
            Outcome<TResult> outcome = await core.Pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => AttemptAsync(state.HttpClient, state.Core, state.Request, state.ReadSuccess, state.Call, ctx.CancellationToken),
                context,
                new AttemptState<TResult>(httpClient, core, request, readSuccess, call)).ConfigureAwait(false);
            outcome.ThrowIfException();
            telemetry?.Succeeded();
            return outcome.Result!;
        }
        catch (TimeoutRejectedException exception) when (!cancellationToken.IsCancellationRequested)
        {
            var timeout = new CruxTimeoutException(
                $"{request.Describe(core.Settings)} did not complete within {Describe(exception.Timeout, core.Settings)}.",
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
            ResilienceContextPool.Shared.Return(context);
            CruxCallState.Return(call);
        }
    }

#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private static async ValueTask<Outcome<TResult>> AttemptAsync<TResult>(
        HttpClient httpClient,
        CruxClientCore core,
        CruxRequest request,
        Func<HttpResponseMessage, CruxRequest, CruxClientSettings, CancellationToken, ValueTask<TResult>> readSuccess,
        CruxCallState call,
        CancellationToken callerToken)
    {
        call.Telemetry?.AttemptStarting();
        CruxClientSettings settings = core.Settings;
        CancellationToken cancellationToken = call.BeginAttempt(settings, core.TimeProvider, callerToken);
        try
        {
            ValueTask<string> pendingAuthorization = settings.Authorization.GetHeaderValueAsync(cancellationToken);
            string authorization = pendingAuthorization.IsCompletedSuccessfully
                ? pendingAuthorization.Result
                : await pendingAuthorization.ConfigureAwait(false);
            using HttpRequestMessage message = request.CreateMessage(authorization);

            // Headers only: the body is read by us, with a cap, so a huge answer is never buffered whole.
            // Redirects are the handler's business, and never carry the token: SocketsHttpHandler and HttpClientHandler
            // (and .NET Framework's HttpWebRequest) drop Authorization before following any redirect, so a 3xx to another
            // origin reaches it without credentials (pinned by RedirectTests). Crux paths are exact, so the SDK needs none.
            using HttpResponseMessage response = await httpClient
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            call.Telemetry?.AttemptAnswered(status);
            if (status is >= 200 and <= 299)
            {
                return Outcome.FromResult(await readSuccess(response, request, settings, cancellationToken).ConfigureAwait(false));
            }

            return Outcome.FromException<TResult>(
                await CruxErrorFactory.CreateAsync(response, request, settings, core.TimeProvider, cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException exception) when (call.AttemptTimedOut(callerToken))
        {
            // Our own limit ran out (a timeout, not the caller): the pipeline retries it like any attempt timeout,
            // and the sender names the limit that was reached if no attempt is left.
            TimeSpan limit = call.AttemptLimitIsOverall ? settings.Timeout : settings.AttemptTimeout;
            return Outcome.FromException<TResult>(new TimeoutRejectedException($"The operation did not complete within {limit}.", limit, exception));
        }
        catch (OperationCanceledException exception) when (callerToken.IsCancellationRequested && exception.CancellationToken != callerToken)
        {
            // The caller cancelled: say so with the caller's own token, as everywhere in .NET.
            return Outcome.FromException<TResult>(new OperationCanceledException(exception.Message, exception, callerToken));
        }
        catch (HttpRequestException exception)
        {
            return Outcome.FromException<TResult>(new CruxConnectionException(
                $"{request.Describe(settings)} got no answer from {settings.BaseUri.Host}: {exception.Message}",
                exception));
        }
        catch (IOException exception)
        {
            return Outcome.FromException<TResult>(new CruxConnectionException(
                $"{request.Describe(settings)}: the connection to {settings.BaseUri.Host} failed while reading the answer: {exception.Message}",
                exception));
        }
        catch (OperationCanceledException exception) when (!callerToken.IsCancellationRequested)
        {
            // Nobody cancelled our token, so the HttpClient's own Timeout fired (an injected client's
            // default is 100 s). Surface it as a timeout of this attempt, which the pipeline may retry.
            return Outcome.FromException<TResult>(new CruxTimeoutException(
                $"{request.Describe(settings)}: the HttpClient.Timeout ({httpClient.Timeout}) elapsed before Crux Connect answered. " +
                "Set HttpClient.Timeout to Timeout.InfiniteTimeSpan to let CruxClientOptions.Timeout and AttemptTimeout govern.",
                exception));
        }
        catch (Exception exception)
        {
            // Anything else (the caller's cancellation among them) ends the call as it is; the pipeline decides.
            return Outcome.FromException<TResult>(exception);
        }
        finally
        {
            call.EndAttempt();
        }
    }

    /// <summary>The success reader of operations whose answer carries nothing we need (remove, add).</summary>
    public static async ValueTask<System.Net.HttpStatusCode> ReadStatusAsync(
        HttpResponseMessage response, CruxRequest request, CruxClientSettings settings, CancellationToken cancellationToken)
    {
        if (response.StatusCode != System.Net.HttpStatusCode.NoContent && response.Content is { } content && content.Headers.ContentLength != 0)
        {
            // Drain a small answer so the connection can be reused; a large one is abandoned with the response.
            using BoundedBody _ = await BoundedBody.ReadAsync(content, BoundedBody.ErrorBodyLimit, cancellationToken).ConfigureAwait(false);
        }

        return response.StatusCode;
    }

    private static string Describe(TimeSpan timeout, CruxClientSettings settings) =>
        timeout == settings.Timeout ? $"the overall timeout of {timeout} (CruxClientOptions.Timeout)"
        : $"the attempt timeout of {timeout} on its last attempt (CruxClientOptions.AttemptTimeout)";

    private readonly struct AttemptState<TResult>
    {
        public AttemptState(
            HttpClient httpClient,
            CruxClientCore core,
            CruxRequest request,
            Func<HttpResponseMessage, CruxRequest, CruxClientSettings, CancellationToken, ValueTask<TResult>> readSuccess,
            CruxCallState call)
        {
            HttpClient = httpClient;
            Core = core;
            Request = request;
            ReadSuccess = readSuccess;
            Call = call;
        }

        public HttpClient HttpClient { get; }

        public CruxClientCore Core { get; }

        public CruxRequest Request { get; }

        public Func<HttpResponseMessage, CruxRequest, CruxClientSettings, CancellationToken, ValueTask<TResult>> ReadSuccess { get; }

        public CruxCallState Call { get; }
    }
}
