namespace Crux.Connect.Testing.Internal;

/// <summary>The exact messages Django REST Framework answers with, so clients are tested against real text.</summary>
internal static class DrfMessages
{
    public const string NotFound = "Not found.";
    public const string NotAuthenticated = "Authentication credentials were not provided.";
    public const string InvalidToken = "Invalid token.";
    public const string TokenHeaderWithoutCredentials = "Invalid token header. No credentials provided.";
    public const string TokenHeaderWithSpaces = "Invalid token header. Token string should not contain spaces.";
    public const string PermissionDenied = "You do not have permission to perform this action.";
    public const string Required = "This field is required.";
    public const string NotNull = "This field may not be null.";
    public const string NotBlank = "This field may not be blank.";
    public const string NotAString = "Not a valid string.";
    public const string EmptyList = "This list may not be empty.";
    public const string InvalidUuid = "Must be a valid UUID.";
    public const string BadCredentials = "Unable to log in with provided credentials.";
    public const string NonFieldErrors = "non_field_errors";

    public static string MethodNotAllowed(string method) => $"Method \"{method}\" not allowed.";

    public static string UnsupportedMediaType(string contentType) => $"Unsupported media type \"{contentType}\" in request.";

    public static string NotAList(string typeName) => $"Expected a list of items but got type \"{typeName}\".";

    public static string NotADictionary(string typeName) => $"Invalid data. Expected a dictionary, but got {typeName}.";
}
