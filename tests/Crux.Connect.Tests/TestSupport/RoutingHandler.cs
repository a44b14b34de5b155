using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Crux.Connect.Tests.TestSupport;

/// <summary>An in-memory server: answers each request from a function of (method, path, Authorization, body), and records them.</summary>
public sealed class RoutingHandler : HttpMessageHandler, Crux.Connect.DependencyInjection.INeverRedirects
{
    private readonly Func<SeenRequest, Task<HttpResponseMessage>> _route;
    private readonly ConcurrentQueue<SeenRequest> _requests = new();

    public RoutingHandler(Func<SeenRequest, HttpResponseMessage> route)
        : this(r => Task.FromResult(route(r)))
    {
    }

    public RoutingHandler(Func<SeenRequest, Task<HttpResponseMessage>> route)
    {
        _route = route;
    }

    public IReadOnlyList<SeenRequest> Requests => _requests.ToArray();

    public int Count(string method, string pathEnd) =>
        _requests.Count(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static string Catalog(params (Guid Uuid, string Name)[] permissions) =>
        "[" + string.Join(",", permissions.Select(p => $$"""{"uuid":"{{p.Uuid:D}}","name":"{{p.Name}}","display_name":"x","description":"y"}""")) + "]";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        string? authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : null;
        var seen = new SeenRequest(request.Method.Method, request.RequestUri!.AbsolutePath, authorization, body);
        _requests.Enqueue(seen);
        HttpResponseMessage response = await _route(seen);
        response.RequestMessage = request;
        return response;
    }
}

public sealed record SeenRequest(string Method, string Path, string? Authorization, string Body);
