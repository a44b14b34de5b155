using System.Net;

namespace Crux.Connect.Testing.Internal;

/// <summary>An answer from the engine or the fault injector; <see cref="Dropped"/> means no answer at all.</summary>
internal sealed class SimResponse
{
    public const string JsonContentType = "application/json";

    public SimResponse(HttpStatusCode status, byte[] body, string? contentType = JsonContentType)
    {
        Status = status;
        Body = body;
        ContentType = body.Length == 0 ? null : contentType;
    }

    private SimResponse()
    {
        Body = [];
        Dropped = true;
    }

    public static SimResponse Drop { get; } = new();

    public HttpStatusCode Status { get; }

    public byte[] Body { get; }

    public string? ContentType { get; }

    public bool Dropped { get; }

    /// <summary>Headers other than Content-Type and Content-Length (the doors write those from the body).</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public SimResponse WithHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }

    public static SimResponse NoContent() => new(HttpStatusCode.NoContent, []);
}
