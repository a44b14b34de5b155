using System.Text.Json.Serialization;

namespace Crux.Connect.Internal.Json;

/// <summary>The wire form of a login: <c>{"username": "...", "password": "..."}</c>.</summary>
internal sealed class LoginRequestDto
{
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>Never the password: instances may end up in a debugger display or a log by mistake.</summary>
    public override string ToString() => $"Username = {Username}, Password = ***";
}
