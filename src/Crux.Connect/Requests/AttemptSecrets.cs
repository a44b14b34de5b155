using Crux.Connect.Diagnostics;

namespace Crux.Connect.Internal;

/// <summary>
/// Carries an attempt's <see cref="SecretRedactor"/> on its request message, so that code reading a success (a request id
/// on a result, a body that is not the documented JSON) can redact what the server echoed without a parameter of its own.
/// </summary>
internal static class AttemptSecrets
{
    private const string Key = "Crux.Connect.Secrets";

#if NET
    private static readonly HttpRequestOptionsKey<SecretRedactor> OptionsKey = new(Key);
#endif

    public static void Attach(HttpRequestMessage message, SecretRedactor redactor)
    {
#if NET
        message.Options.Set(OptionsKey, redactor);
#else
        message.Properties[Key] = redactor;
#endif
    }

    public static SecretRedactor Of(HttpResponseMessage response)
    {
        HttpRequestMessage? request = response.RequestMessage;
#if NET
        return request is not null && request.Options.TryGetValue(OptionsKey, out SecretRedactor? redactor) ? redactor : SecretRedactor.None;
#else
        return request is not null && request.Properties.TryGetValue(Key, out object? value) && value is SecretRedactor redactor ? redactor : SecretRedactor.None;
#endif
    }
}
