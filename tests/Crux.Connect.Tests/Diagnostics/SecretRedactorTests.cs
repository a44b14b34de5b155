using System.Net;
using System.Text.Json;
using Crux.Connect.Diagnostics;

namespace Crux.Connect.Tests.Diagnostics;

/// <summary>The redactor finds a secret in every form a server may echo it in, mixed freely, and in part where a cap cut it.</summary>
public class SecretRedactorTests
{
    public static TheoryData<string> Secrets => new() { "correct&horse+battery'staple", "pässwörd-geheim", "a<b>\"quote\"\\back/slash", "emoji-😀-pass word", "tok+en/5ecret" };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Redact_EveryEncoding_IsMasked(string secret)
    {
        var redactor = new SecretRedactor(secret);
        string[] forms =
        [
            secret,
            JsonSerializer.Serialize(secret)[1..^1],
            string.Concat(secret.Select(c => "\\u" + ((int)c).ToString("x4"))),
            string.Concat(secret.Select(c => "\\u" + ((int)c).ToString("X4"))),
            Uri.EscapeDataString(secret),
            WebUtility.UrlEncode(secret),
            WebUtility.HtmlEncode(secret),
        ];

        foreach (string form in forms)
        {
            Assert.Equal($"before *** after", redactor.Redact($"before {form} after"));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public void Redact_CutText_MasksTheSecretsPrefixAtTheEnd(int kept)
    {
        const string Secret = "tok+en/5ecret";
        var redactor = new SecretRedactor(Secret);

        Assert.Equal("xyz ***", redactor.Redact("xyz " + Secret[..kept], wasCut: true));
        Assert.Equal("xyz " + Secret[..kept], redactor.Redact("xyz " + Secret[..kept], wasCut: false));
    }

    [Fact]
    public void Redact_NoSecret_ReturnsTheSameText()
    {
        string text = "nothing to see";

        Assert.Same(text, new SecretRedactor("secret-value").Redact(text));
        Assert.Same(text, SecretRedactor.None.Redact(text));
    }
}
