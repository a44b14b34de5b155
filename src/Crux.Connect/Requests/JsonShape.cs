using System.Text.Json;

namespace Crux.Connect.Internal;

/// <summary>
/// One pass over an answer's JSON, before it is believed: is it well formed, what is its root, and does any object
/// say one thing twice. System.Text.Json keeps the last of two equal keys without a word (and
/// <c>AllowDuplicateProperties</c> exists only from .NET 9), so <c>{"assigned":true,"assigned":false}</c> would read as
/// "not assigned" on every target; this pass refuses it on all of them alike.
/// </summary>
internal static class JsonShape
{
    // Top-level keys of the error shapes a Django REST Framework service, a gateway or a WAF answers with.
    private static readonly string[] ErrorKeys = ["detail", "error", "errors", "non_field_errors", "error_description", "fault"];

    // Top-level keys whose false value says the request failed ({"success": false}, {"ok": false}).
    private static readonly string[] FailureFlags = ["success", "ok"];

    /// <summary>
    /// Returns what is wrong with the JSON (malformed, or an object holding a key twice, compared as the server's
    /// text unescaped and ignoring case), or <see langword="null"/>. <paramref name="root"/> is the root's token.
    /// </summary>
    public static string? Check(ReadOnlySpan<byte> json, out JsonTokenType root) => Check(json, out root, errorShape: false);

    /// <summary>
    /// What makes a change's answer not Crux's: <see cref="Check(ReadOnlySpan{byte}, out JsonTokenType)"/>, a root that
    /// is not an object, or an object in an error shape (a key of <see cref="ErrorKeys"/>, or <c>"success": false</c>).
    /// </summary>
    public static string? ChangeAnswerProblem(ReadOnlySpan<byte> json)
    {
        string? problem = Check(json, out JsonTokenType root, errorShape: true);
        if (problem is not null)
        {
            return problem;
        }

        return root == JsonTokenType.StartObject ? null : $"the body is JSON {Describe(root)}, not an object";
    }

    private static string? Check(ReadOnlySpan<byte> json, out JsonTokenType root, bool errorShape)
    {
        root = JsonTokenType.None;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var keys = new Stack<HashSet<string>?>();
        string? pendingKey = null;
        try
        {
            while (reader.Read())
            {
                if (root == JsonTokenType.None)
                {
                    root = reader.TokenType;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keys.Push(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                        break;
                    case JsonTokenType.StartArray:
                        keys.Push(null);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        string key = reader.GetString()!;
                        if (!keys.Peek()!.Add(key))
                        {
                            return $"the JSON lists the key \"{Diagnostics.ServerText.Shorten(key, 64)}\" twice in one object";
                        }

                        if (errorShape && keys.Count == 1 && Contains(ErrorKeys, key))
                        {
                            return $"the body is an error shape (\"{key}\")";
                        }

                        pendingKey = keys.Count == 1 ? key : null;
                        continue;
                    case JsonTokenType.False when errorShape && pendingKey is not null && Contains(FailureFlags, pendingKey):
                        return $"the body says \"{pendingKey}\": false";
                }

                pendingKey = null;
            }
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }

        return null;
    }

    private static bool Contains(string[] keys, string key) => Array.Exists(keys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "of no known kind",
    };
}
