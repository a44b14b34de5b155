namespace Crux.Connect.Tests.TestSupport;

/// <summary>Shared test data and client factories.</summary>
public static class Fixtures
{
    public const string Token = "a0f17278bed479ee719ea890b8caf0329e1f3e5b";

    public static readonly Guid UserUuid = Guid.Parse("5DE38A8E-800E-4CBA-84C5-EE6C27F304D8");
    public static readonly Guid PermissionA = Guid.Parse("2a0295b6-dd74-4239-9988-24fcdb1adcea");
    public static readonly Guid PermissionB = Guid.Parse("05a46c58-9d13-4912-9167-7effc2cc7482");

    public static CruxClientOptions Options(Action<CruxClientOptions>? configure = null)
    {
        var options = new CruxClientOptions { ApiToken = Token };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>
    /// A client over <paramref name="handler"/>, built the way an application builds one: through the public
    /// constructor, with the given clock (the system clock when none). Retry waits keep the SDK's own random
    /// jitter, so tests that look at a wait assert the documented bounds, not an exact value.
    /// </summary>
    public static CruxClient Client(HttpMessageHandler handler, TimeProvider? time = null, Action<CruxClientOptions>? configure = null) =>
        new(new HttpClient(handler), Options(configure), null, time);
}
