using System.Net;
using System.Text;
using System.Text.Json;
using Crux.Connect.Benchmarks.Infrastructure;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Crux.Connect.Benchmarks.Contenders;

/// <summary>
/// The floor with the SDK's resilience: the hand-written call (<see cref="HandWrittenClient"/>) inside a Polly v8 pipeline
/// shaped as the SDK's defaults: an overall timeout of 100 s, up to 3 retries (exponential from 1 s, with jitter) of the
/// transient failures (408, 429, 5xx, <see cref="HttpRequestException"/>, an attempt's timeout), 30 s per attempt. Each
/// attempt builds a fresh request over the same body bytes; a failure ends in an exception carrying a bounded read of
/// the answer's body, as the SDK's does. What a careful user writes by hand with Polly, and nothing more.
/// </summary>
public sealed class PollyFloorClient
{
    /// <summary>How much of an error body is read into the exception (the SDK reads a bounded prefix too).</summary>
    private const int ErrorBodyLimit = 4096;

    private readonly HttpClient _httpClient;
    private readonly string _permissionsPrefix;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public PollyFloorClient(HttpClient httpClient, string baseAddress)
    {
        _httpClient = httpClient;
        _permissionsPrefix = baseAddress + Wire.PermissionsPath;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(TimeSpan.FromSeconds(100))
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(static response => IsTransient(response.StatusCode)),
            })
            .AddTimeout(TimeSpan.FromSeconds(30))
            .Build();
    }

    public async Task RemovePermissionsAsync(Guid userUuid, Guid[] permissionUuids, CancellationToken cancellationToken = default)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new PermissionUuidsBody(permissionUuids), WireJsonContext.Default.PermissionUuidsBody);
        var attempt = new Attempt(_httpClient, HandWrittenClient.UserUri(_permissionsPrefix, userUuid), body);
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            using HttpResponseMessage response = await _pipeline.ExecuteAsync(
                static (context, attempt) => new ValueTask<HttpResponseMessage>(attempt.SendAsync(context.CancellationToken)), context, attempt);
            using HttpRequestMessage? sent = response.RequestMessage;
            if (!response.IsSuccessStatusCode)
            {
                throw await FailureAsync(response, cancellationToken);
            }
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static async Task<HttpRequestException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new byte[ErrorBodyLimit];
        int length = 0;
        await using (Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }
        }

        return new HttpRequestException(
            $"Remove User Permissions answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(buffer, 0, length)}", null, response.StatusCode);
    }

    /// <summary>What every attempt sends: a fresh message (one cannot be sent twice) over the same body bytes.</summary>
    private readonly record struct Attempt(HttpClient HttpClient, string Uri, byte[] Body)
    {
        public Task<HttpResponseMessage> SendAsync(CancellationToken cancellationToken)
        {
            var request = new HttpRequestMessage(HttpMethod.Delete, Uri);
            HandWrittenClient.AddHeaders(request);
            var content = new ByteArrayContent(Body);
            content.Headers.TryAddWithoutValidation("Content-Type", Wire.JsonContentType);
            request.Content = content;
            return HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
    }
}
