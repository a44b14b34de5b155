using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.Json;
using Crux.Connect.Internal;
using Crux.Connect.Internal.Json;

namespace Crux.Connect.Authentication;

/// <summary>
/// The <see cref="CruxClientOptions.Credentials"/> case: logs in with <c>POST /organizations/user-login/</c> on first
/// use, caches the token, and logs in again after the server rejects it. Concurrent first calls share one login: the
/// lock is taken only while no token is cached, and whoever gets it second finds the token the first one stored.
/// A refused login (400 or 401) is final for <see cref="RefusalLifetime"/>: the calls waiting for it and those that follow
/// fail at once with the same <see cref="CruxAuthenticationException"/>, so a bulk run with a wrong password sends one
/// login, not one per user (a server counting failed logins would lock the account). The credentials of a client never
/// change (its options are read once), so only the interval ends a refusal; a client built with other credentials starts afresh.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "_loginLock is only awaited and released, never asked for its AvailableWaitHandle, so it holds no kernel handle and nothing to dispose; the provider lives as long as its client.")]
internal sealed class CruxLoginTokenProvider : ICruxTokenProvider
{
    /// <summary>How long a refused login stays final: 5 minutes on the client's <see cref="TimeProvider"/>.</summary>
    public static readonly TimeSpan RefusalLifetime = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _loginLock = new(1, 1);
    private string? _token;
    private Refusal? _refusal;
    private readonly Func<HttpClient> _httpClients;
    private readonly CruxClientCore _loginCore;

    /// <param name="credentials">Who logs in.</param>
    /// <param name="httpClients">Where each login gets its <see cref="HttpClient"/>: the caller's, or one from <c>IHttpClientFactory</c>.</param>
    /// <param name="loginCore">The login request's own core: the client's settings, no Authorization header.</param>
    public CruxLoginTokenProvider(CruxCredentials credentials, Func<HttpClient> httpClients, CruxClientCore loginCore)
    {
        Credentials = credentials;
        _httpClients = httpClients;
        _loginCore = loginCore;
    }

    public CruxCredentials Credentials { get; }

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        string? token = Volatile.Read(ref _token);
        if (token is not null)
        {
            return new ValueTask<string>(token);
        }

        // Faulted, not thrown: the caller treats a failed token like a failed login (final for the call).
        return Refused() is { } refused
            ? new ValueTask<string>(Task.FromException<string>(refused))
            : new ValueTask<string>(LoginOnceAsync(cancellationToken));
    }

    public ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        // Only the token that was rejected is dropped: when several calls report the same stale token, the first
        // one's re-login must not be thrown away by the others.
        string? current = Volatile.Read(ref _token);
        if (current is not null && string.Equals(current, rejectedToken, StringComparison.Ordinal))
        {
            // By reference: if another caller already replaced it, theirs stays.
            Interlocked.CompareExchange(ref _token, null, current);
        }

        return default;
    }

    /// <summary>Never the password (nor the token).</summary>
    public override string ToString() => $"CruxLoginTokenProvider({Credentials})";

    private async Task<string> LoginOnceAsync(CancellationToken cancellationToken)
    {
        await _loginLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _token) is { } token)
            {
                return token;
            }

            // Those who waited for a login that was refused get its answer, without sending the password again.
            if (Refused() is { } refused)
            {
                throw refused;
            }

            string fresh;
            try
            {
                fresh = await LoginAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CruxAuthenticationException refusal)
            {
                Volatile.Write(ref _refusal, new Refusal(refusal, _loginCore.TimeProvider.GetTimestamp()));
                throw;
            }

            Volatile.Write(ref _refusal, null);
            Volatile.Write(ref _token, fresh);
            return fresh;
        }
        finally
        {
            _loginLock.Release();
        }
    }

    private async Task<string> LoginAsync(CancellationToken cancellationToken)
    {
        CruxClientCore core = _loginCore;
        HttpClient httpClient = _httpClients();
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(
            new LoginRequestDto { Username = Credentials.Username, Password = Credentials.Password },
            CruxJsonContext.Default.LoginRequestDto);
        try
        {
            // Not idempotent: a login is retried only when it provably never reached the server.
            var request = new CruxRequest("Login", HttpMethod.Post, CruxPaths.UserLogin(core.Settings), body, isIdempotent: false);
            return await CruxSender.SendAsync(httpClient, core, request, ReadTokenAsync, scope: null, cancellationToken).ConfigureAwait(false);
        }
        catch (CruxApiException exception) when (exception.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            // DRF answers bad credentials with 400 non_field_errors; to the caller that is an authentication failure.
            // The refusal keeps what the server answered, under the status the caller understands.
            throw new CruxAuthenticationException(
                $"Login as '{Credentials.Username}' was refused (the server answered {(int)exception.StatusCode}): {Diagnostics.ServerText.Shorten(exception.Detail ?? FirstFieldError(exception) ?? "no reason given", 512)}",
                new CruxResponseDetails(HttpStatusCode.Unauthorized)
                {
                    RequestId = exception.RequestId,
                    Detail = exception.Detail,
                    FieldErrors = exception.FieldErrors,
                    RetryAfter = exception.Details.RetryAfter,
                    ResponseBody = exception.ResponseBody,
                });
        }
        finally
        {
            // The password should not outlive the request in memory longer than it must.
            Array.Clear(body, 0, body.Length);
        }
    }

    /// <summary>A copy of the last refusal while it is final (a fresh exception for each call: one instance thrown by many would mix their stack traces); otherwise <see langword="null"/>.</summary>
    private CruxAuthenticationException? Refused()
    {
        if (Volatile.Read(ref _refusal) is not { } refusal)
        {
            return null;
        }

        TimeSpan age = _loginCore.TimeProvider.GetElapsedTime(refusal.At);
        if (age >= RefusalLifetime)
        {
            return null;
        }

        CruxAuthenticationException first = refusal.Exception;
        return new CruxAuthenticationException(
            $"{first.Message} The login is not tried again for {RefusalLifetime.TotalMinutes:0} minutes after a refusal (about {Math.Ceiling((RefusalLifetime - age).TotalSeconds):0} s left); use a client with the corrected credentials.",
            first.Details);
    }

    private static async ValueTask<string> ReadTokenAsync(
        HttpResponseMessage response, CruxRequest request, CruxClientSettings settings, CancellationToken cancellationToken)
    {
        LoginResponseDto dto;
        try
        {
            dto = await ResponseParsers.ReadJsonAsync(response, CruxJsonContext.Default.LoginResponseDto, request, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (CruxInvalidResponseException exception)
        {
            // A login answer that is not the documented JSON may still hold a token: keep the reason, drop the body.
            throw new CruxInvalidResponseException(
                exception.Message,
                new CruxResponseDetails(exception.StatusCode) { RequestId = exception.Details.RequestId, RetryAfter = exception.Details.RetryAfter },
                exception.InnerException is JsonException ? null : exception.InnerException);
        }

        if (dto.AuthToken is not { Length: > 0 } token || !CruxOptionsValidation.IsValidToken(token))
        {
            // The body is left out: it may carry a token, however malformed.
            throw new CruxInvalidResponseException(
                $"Crux Connect answered {(int)response.StatusCode} to {request.Describe(settings)}, but the body has no usable \"auth_token\".",
                new CruxResponseDetails(response.StatusCode) { RequestId = RequestIds.ForResult(response, request) });
        }

        return token;
    }

    private static string? FirstFieldError(CruxApiException exception)
    {
        foreach (KeyValuePair<string, IReadOnlyList<string>> field in exception.FieldErrors)
        {
            if (field.Value.Count > 0)
            {
                return field.Value[0];
            }
        }

        return null;
    }

    /// <summary>A refused login and when it was answered (a <see cref="TimeProvider"/> timestamp).</summary>
    private sealed class Refusal
    {
        public Refusal(CruxAuthenticationException exception, long at)
        {
            Exception = exception;
            At = at;
        }

        public CruxAuthenticationException Exception { get; }

        public long At { get; }
    }
}
