using System.Text;
using Crux.Connect.Diagnostics;

namespace Crux.Connect.Tests.Diagnostics;

/// <summary>
/// The forms issue 19 names beyond the encodings: hex dumps (as .NET's transport errors print bytes), base64 at each of its
/// three alignments (alone, after <c>Token </c>, inside a longer blob), case changes, double URL-encoding, zero-width
/// characters inside the secret; and a matcher that stays linear on secrets and texts built to make it backtrack.
/// </summary>
public class SecretRedactorFormsTests
{
    public static TheoryData<string> Secrets => new() { "tok+en/5ecret+Value/0123", "correct&horse battery", "pässwörd-geheim", "s3cr3t-P4ss" };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Redact_HexDumps_AreMasked(string secret)
    {
        var redactor = new SecretRedactor(secret);
        byte[] bytes = Encoding.UTF8.GetBytes(secret);
        string[] dumps =
        [
            BitConverter.ToString(bytes),
            BitConverter.ToString(bytes).ToLowerInvariant(),
            BitConverter.ToString(bytes).Replace("-", string.Empty, StringComparison.Ordinal),
            BitConverter.ToString(bytes).Replace('-', ' ').ToLowerInvariant(),
            BitConverter.ToString(Encoding.UTF8.GetBytes("Token " + secret)),
        ];

        foreach (string dump in dumps)
        {
            string redacted = redactor.Redact($"Received an invalid header name: '{dump}'.")!;
            Assert.Contains("***", redacted, StringComparison.Ordinal);
            Assert.DoesNotContain(BitConverter.ToString(bytes, 1, bytes.Length - 2), redacted.ToUpperInvariant().Replace(' ', '-'), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Redact_Base64AtEveryAlignment_IsMasked(string secret)
    {
        var redactor = new SecretRedactor(secret);
        foreach (string prefix in new[] { string.Empty, "Token ", "x", "xy", "user@example.com:", "{\"password\":\"" })
        {
            byte[] bytes = Encoding.UTF8.GetBytes(prefix + secret + "\"}");
            foreach (string encoded in new[] { Convert.ToBase64String(bytes), Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=') })
            {
                string redacted = redactor.Redact($"Authorization: Basic {encoded} refused")!;
                Assert.Equal("Authorization: Basic *** refused", redacted);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Redact_CaseChangesDoubleUrlEncodingAndZeroWidthCharacters_AreMasked(string secret)
    {
        var redactor = new SecretRedactor(secret);
        string[] forms =
        [
            secret.ToUpperInvariant(),
            secret.ToLowerInvariant(),
            Uri.EscapeDataString(Uri.EscapeDataString(secret)),
            Uri.EscapeDataString(secret).Replace("%", "%25", StringComparison.Ordinal).ToLowerInvariant(),
            string.Join("\u200B", secret.ToCharArray()),
            secret[..3] + "\u00AD" + secret[3..] ,
            secret[..2] + "\uFEFF\u200D" + secret[2..],
            secret[..4] + "\\u200b" + secret[4..],
        ];

        foreach (string form in forms)
        {
            Assert.Equal("before *** after", redactor.Redact($"before {form} after"));
        }
    }

    [Fact]
    public async Task Redact_ABackslashSecretAgainstABackslashBody_RunsInLinearTime()
    {
        // Each backslash of the secret may stand for itself or open an escape: a matcher that tries both, recursively,
        // explores 2^n ways at every position of this body and never ends.
        string secret = new string('\\', 48) + "x";
        string body = new string('\\', 64 * 1024);
        var redactor = new SecretRedactor(secret, new string('%', 40) + "y", new string('&', 40) + "z");

        // A guard against a hang, not a speed claim: the linear pass takes milliseconds.
        string? redacted = await Task.Run(() => redactor.Redact(body)).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(body, redacted);
        Assert.Equal("a *** b", redactor.Redact("a " + secret + " b"));
    }
}
