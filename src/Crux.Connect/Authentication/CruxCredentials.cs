using Crux.Connect.Internal;

namespace Crux.Connect;

/// <summary>
/// A Crux Connect user name and password, for <see cref="CruxClientOptions.Credentials"/>: the client logs in with
/// <c>POST /organizations/user-login/</c> on first use and sends the token it receives. The password is never written
/// to logs, traces, exception messages or <see cref="ToString"/>.
/// </summary>
public sealed class CruxCredentials
{
    /// <summary>Initializes a new instance of the <see cref="CruxCredentials"/> class.</summary>
    /// <param name="username">The user name (usually an e-mail address).</param>
    /// <param name="password">The password.</param>
    /// <exception cref="ArgumentNullException"><paramref name="username"/> or <paramref name="password"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="username"/> or <paramref name="password"/> is empty or white space.</exception>
    public CruxCredentials(string username, string password)
    {
        Guard.NotNull(username);
        Guard.NotNull(password);
        if (string.IsNullOrWhiteSpace(username))
        {
            throw new ArgumentException("The user name must not be empty.", nameof(username));
        }

        if (string.IsNullOrWhiteSpace(password))
        {
            throw new ArgumentException("The password must not be empty.", nameof(password));
        }

        Username = username;
        Password = password;
    }

    /// <summary>Gets the user name.</summary>
    public string Username { get; }

    /// <summary>Gets the password.</summary>
    public string Password { get; }

    /// <summary>Describes the credentials with the password redacted.</summary>
    /// <returns>A description that is safe to log.</returns>
    public override string ToString() => $"Username = {Username}, Password = ***";
}
