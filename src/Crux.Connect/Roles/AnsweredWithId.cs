namespace Crux.Connect.Roles;

/// <summary>A success answer's value with the server's request id, read while the response is still open.</summary>
internal sealed class AnsweredWithId<T>
{
    public AnsweredWithId(T value, string? requestId)
    {
        Value = value;
        RequestId = requestId;
    }

    public T Value { get; }

    public string? RequestId { get; }
}
