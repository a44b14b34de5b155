using System.Collections;
using System.Diagnostics;
using System.Text;

namespace Crux.Connect.IntegrationTests.Hostile;

/// <summary>
/// A transport failure's message is server text: .NET quotes the bytes it could not parse. Servers on raw sockets echo
/// what they received (the Authorization header, the login body with the password) into a malformed status line, header
/// line, header name, chunk size or trailer, raw, hex-dumped or base64-encoded; every operation is run against each, and
/// every exception (its chain, its Data, ToString), every log record and every activity the SDK starts is searched.
/// </summary>
public sealed class TransportSecretTests
{
    private const string Password = "correct&horse+battery'staple-pässwörd";

    public enum Malformation
    {
        StatusLine,
        HeaderLine,
        HeaderName,
        ChunkSize,
        Trailer,
    }

    public enum Echo
    {
        Raw,
        HexDump,
        HexLower,
        Base64,
    }

    public static TheoryData<string, Malformation, Echo> Cases()
    {
        var data = new TheoryData<string, Malformation, Echo>();
        foreach (string operation in Operations.Keys)
        {
            foreach (Malformation malformation in Enum.GetValues<Malformation>())
            {
                foreach (Echo echo in Enum.GetValues<Echo>())
                {
                    data.Add(operation, malformation, echo);
                }
            }
        }

        return data;
    }

    private static readonly Dictionary<string, Func<CruxClient, Task<object?>>> Operations = new()
    {
        ["remove"] = async c => await c.OrganizationUsers.RemovePermissionsAsync(Hostile.User, Hostile.Permissions),
        ["add"] = async c => await c.OrganizationUsers.AddPermissionsAsync(Hostile.User, Hostile.Permissions),
        ["get user"] = async c => await c.OrganizationUsers.GetPermissionsAsync(Hostile.User),
        ["get all"] = async c => await c.OrganizationUsers.GetAllPermissionsAsync(),
        ["login"] = async c => await c.OrganizationUsers.GetAllPermissionsAsync(),
        ["by name"] = async c => await c.OrganizationUsers.RemovePermissionsAsync(Hostile.User, ["Can view reports"]),
        ["set"] = async c => await c.OrganizationUsers.SetPermissionsAsync(Hostile.User, Hostile.Permissions),
        ["bulk"] = async c => await c.OrganizationUsers.RemovePermissionsFromUsersAsync([Hostile.User, Guid.NewGuid()], Hostile.Permissions),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryOperation_ServerEchoesTheSecretIntoAMalformedAnswer_NoSecretInExceptionsLogsOrActivities(
        string operation, Malformation malformation, Echo echo)
    {
        bool login = operation == "login";
        await using var server = RawHttpServer.Start((request, stream, ct) =>
        {
            // What the request carried: its Authorization header, or the login body (the password inside JSON), and the password itself.
            string received = login ? request.BodyText + " " + Password : request.Headers.GetValueOrDefault("authorization", "none");
            return WriteAsync(stream, malformation, Encode(received, echo), ct);
        });
        var logs = new CapturingLoggerProvider();
        var activities = new List<Activity>();

        // An activity listener hears the whole process, and other test classes run at the same time (bulk runs whose
        // thousands of random GUIDs hold, by chance, a 6-character piece of this secret). The SDK's activities take
        // Activity.Current as their parent, so this test's own are the ones in this trace.
        using Activity trace = new Activity(nameof(TransportSecretTests)).Start();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Crux.Connect",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId != trace.TraceId)
                {
                    return;
                }

                lock (activities)
                {
                    activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        CruxClient client = Hostile.Client(server.BaseAddress, o =>
        {
            if (login)
            {
                o.ApiToken = null;
                o.Credentials = new CruxCredentials("admin@example.com", Password);
            }
        }, logs: logs);

        var surfaces = new StringBuilder();
        try
        {
            object? result = await Operations[operation](client);
            foreach (Exception failure in FailuresIn(result))
            {
                Walk(failure, surfaces);
            }
        }
        catch (Exception exception)
        {
            Walk(exception, surfaces);
        }

        // A change's 200 is judged by the body that arrived before the framing broke (DESIGN: a final status decides; a
        // body that breaks off is judged by what arrived, here nothing or "{}"), so it may succeed: then only the logs and
        // activities are searched.
        Assert.True(surfaces.Length > 0 || malformation is Malformation.ChunkSize or Malformation.Trailer, "the operation did not fail");
        Assert.NotEmpty(server.Requests);
        string secret = login ? Password : Hostile.Token;
        AssertNoSecret(secret, surfaces.ToString(), "the exceptions");
        AssertNoSecret(secret, logs.AllText, "the logs");
        lock (activities)
        {
            Assert.NotEmpty(activities); // the filter above keeps this test's activities: there are some to search
            AssertNoSecret(secret, string.Join("\n", activities.Select(Describe)), "the activities");
        }
    }

    /// <summary>Every form the test knows, and every 6-character piece, as raw text, hex dump or base64.</summary>
    internal static void AssertNoSecret(string secret, string text, string where)
    {
        Hostile.AssertNoSecret(secret, text, where);
        string upper = text.ToUpperInvariant();
        byte[] bytes = Encoding.UTF8.GetBytes(secret);
        for (int i = 0; i + 4 <= bytes.Length; i++)
        {
            string hex = BitConverter.ToString(bytes, i, 4);
            Assert.False(upper.Contains(hex, StringComparison.Ordinal) || upper.Contains(hex.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal), $"{where} holds a hex dump of the secret '{hex}': {text}");
        }

        for (int alignment = 0; alignment < 3; alignment++)
        {
            string encoded = Convert.ToBase64String(new byte[alignment].Concat(bytes).ToArray());
            string core = encoded.Substring(4, 8);
            Assert.False(text.Contains(core, StringComparison.Ordinal), $"{where} holds base64 of the secret '{core}': {text}");
        }

        Assert.DoesNotContain(secret.ToUpperInvariant(), upper, StringComparison.Ordinal);
    }

    private static string Encode(string received, Echo echo) => echo switch
    {
        Echo.Raw => received,
        Echo.HexDump => BitConverter.ToString(Encoding.UTF8.GetBytes(received)),
        Echo.HexLower => BitConverter.ToString(Encoding.UTF8.GetBytes(received)).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant(),
        _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(received)),
    };

    private static async Task WriteAsync(Stream stream, Malformation malformation, string echoed, CancellationToken ct)
    {
        // Latin-1 keeps each byte of a header as one char, as a server writing raw bytes would.
        string head = malformation switch
        {
            Malformation.StatusLine => $"HTTP/1.1 {echoed}\r\n\r\n",
            Malformation.HeaderLine => $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{echoed}\r\n\r\n",
            Malformation.HeaderName => $"HTTP/1.1 200 OK\r\nX-{echoed.Replace(':', '!')}(): v\r\n\r\n",
            Malformation.ChunkSize => $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{echoed}\r\n",
            _ => $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{{}}\r\n0\r\n{echoed}\r\n\r\n",
        };
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head), ct);
        await stream.FlushAsync(ct);
    }

    private static IEnumerable<Exception> FailuresIn(object? result) => result switch
    {
        CruxBulkResult<RemovePermissionsResult> bulk => bulk.Failures.Select(f => f.Exception!).Concat(bulk.ProgressException is null ? [] : [bulk.ProgressException]),
        _ => [],
    };

    private static void Walk(Exception? exception, StringBuilder surfaces)
    {
        for (int depth = 0; exception is not null && depth < 20; depth++)
        {
            surfaces.Append(exception.GetType().FullName).Append('\n').Append(exception.Message).Append('\n').Append(exception).Append('\n');
            foreach (DictionaryEntry entry in exception.Data)
            {
                surfaces.Append(entry.Key).Append('=').Append(entry.Value).Append('\n');
            }

            foreach (var property in exception.GetType().GetProperties())
            {
                if (property.GetIndexParameters().Length == 0 && property.Name is not ("TargetSite" or "StackTrace"))
                {
                    object? value = property.GetValue(exception);
                    surfaces.Append(property.Name).Append('=').Append(value is IEnumerable sequence and not string ? string.Join(",", sequence.Cast<object?>()) : value).Append('\n');
                }
            }

            if (exception is AggregateException aggregate)
            {
                foreach (Exception inner in aggregate.InnerExceptions)
                {
                    Walk(inner, surfaces);
                }
            }

            exception = exception.InnerException;
        }
    }

    private static string Describe(Activity activity) =>
        $"{activity.DisplayName} {activity.StatusDescription} " +
        string.Join(" ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " +
        string.Join(" ", activity.Events.Select(e => e.Name + " " + string.Join(" ", e.Tags.Select(t => $"{t.Key}={t.Value}"))));
}
