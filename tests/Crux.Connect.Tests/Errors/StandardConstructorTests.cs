using System.Collections;
using System.Net;
using System.Reflection;

namespace Crux.Connect.Tests.Errors;

/// <summary>
/// Every public exception of the SDK has the three standard constructors (CA1032), found by reflection, so an exception
/// added later without them fails here, and what they leave unset is the documented default.
/// </summary>
public class StandardConstructorTests
{
    // Exceptions that do not have them yet, each with the reason. A type leaves this list when it gets them
    // (PendingExceptions_StillLackAStandardConstructor says so); no type joins it.
    private static readonly Type[] Pending =
    [
    ];

    private static readonly Type[] MessageOnly = [typeof(string)];
    private static readonly Type[] MessageAndInner = [typeof(string), typeof(Exception)];
    private static readonly Type[] MessageDetailsAndInner = [typeof(string), typeof(CruxResponseDetails), typeof(Exception)];

    // Every exception raised because of an answer: built from one details object, never from one parameter per fact.
    public static TheoryData<Type> ResponseExceptions()
    {
        var data = new TheoryData<Type>();
        foreach (Type type in ResponseExceptionTypes())
        {
            data.Add(type);
        }

        return data;
    }

    public static TheoryData<Type> PublicExceptions()
    {
        var data = new TheoryData<Type>();
        foreach (Type type in ExceptionTypes().Where(static t => !Pending.Contains(t)))
        {
            data.Add(type);
        }

        return data;
    }

    public static TheoryData<Type, int> StatusOfEachType => new()
    {
        { typeof(CruxApiException), 0 },
        { typeof(CruxBadRequestException), 400 },
        { typeof(CruxAuthenticationException), 401 },
        { typeof(CruxPermissionDeniedException), 403 },
        { typeof(CruxNotFoundException), 404 },
        { typeof(CruxRequestTimeoutException), 408 },
        { typeof(CruxOrganizationTypeException), 409 },
        { typeof(CruxUnprocessableEntityException), 422 },
        { typeof(CruxRateLimitException), 429 },
        { typeof(CruxServerException), 500 },
    };

    [Fact]
    public void PublicExceptions_AreFoundByReflection()
    {
        Type[] found = ExceptionTypes();

        Assert.Contains(typeof(CruxException), found);
        Assert.Contains(typeof(CruxApiException), found);
        Assert.Contains(typeof(CruxUnknownPermissionException), found); // an ArgumentException, not a CruxException
        Assert.Contains(typeof(CruxBulkCanceledException), found);      // an OperationCanceledException
        Assert.True(found.Length >= 19, $"Only {found.Length} public exception types found.");
    }

    [Theory]
    [MemberData(nameof(PublicExceptions))]
    public void PublicException_HasTheThreeStandardConstructors(Type type)
    {
        Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
        Assert.NotNull(type.GetConstructor(MessageOnly));
        Assert.NotNull(type.GetConstructor(MessageAndInner));
    }

    [Theory]
    [MemberData(nameof(PublicExceptions))]
    public void ParameterlessConstructor_GivesADefaultMessageAndNoCause(Type type)
    {
        var exception = Create(type, Type.EmptyTypes);

        Assert.False(string.IsNullOrEmpty(exception.Message));
        Assert.Null(exception.InnerException);
        AssertCollectionsAreEmptyNotNull(exception);
    }

    [Theory]
    [MemberData(nameof(PublicExceptions))]
    public void MessageConstructor_KeepsTheMessage(Type type)
    {
        var exception = Create(type, MessageOnly, "Something specific went wrong.");

        Assert.Equal("Something specific went wrong.", exception.Message);
        Assert.Null(exception.InnerException);
        AssertCollectionsAreEmptyNotNull(exception);
    }

    [Theory]
    [MemberData(nameof(PublicExceptions))]
    public void MessageAndInnerConstructor_KeepsBoth(Type type)
    {
        var inner = new HttpRequestException("The cause.");

        var exception = Create(type, MessageAndInner, "Something specific went wrong.", inner);

        Assert.Equal("Something specific went wrong.", exception.Message);
        Assert.Same(inner, exception.InnerException);
        AssertCollectionsAreEmptyNotNull(exception);
    }

    [Theory]
    [MemberData(nameof(StatusOfEachType))]
    public void StandardConstructors_OfAnApiException_KeepItsStatusAndNoBodyDetails(Type type, int status)
    {
        foreach (var exception in new[]
        {
            (CruxApiException)Create(type, Type.EmptyTypes),
            (CruxApiException)Create(type, MessageOnly, "m"),
            (CruxApiException)Create(type, MessageAndInner, "m", new IOException()),
        })
        {
            Assert.Equal((HttpStatusCode)status, exception.StatusCode);
            Assert.Empty(exception.FieldErrors);
            Assert.Null(exception.Detail);
            Assert.Null(exception.ResponseBody);
            Assert.Null(exception.RequestId);
        }
    }

    [Fact]
    public void StandardConstructors_OfOtherExceptions_LeaveTheirDetailsUnset()
    {
        var rateLimit = new CruxRateLimitException("m");
        var invalid = new CruxInvalidResponseException("m");
        var redirect = new CruxRedirectException("m");
        var partial = new CruxPartialPermissionChangeException("m");
        var notAvailable = new CruxPermissionsNotAvailableException("m");
        var unknown = new CruxUnknownPermissionException("m");

        Assert.Null(rateLimit.RetryAfter);
        Assert.Equal((HttpStatusCode)0, invalid.StatusCode);
        Assert.Null(invalid.ResponseBody);
        Assert.Equal((HttpStatusCode)0, redirect.StatusCode);
        Assert.Null(redirect.Location);
        Assert.Equal(Guid.Empty, partial.UserUuid);
        Assert.Null(partial.RemoveRequestId);
        Assert.Equal(Guid.Empty, notAvailable.UserUuid);
        Assert.Null(unknown.ParamName);
    }

    [Fact]
    public void ResponseExceptions_AreTheApiExceptionsAndTheInvalidAndRedirectedAnswers()
    {
        Type[] found = ResponseExceptionTypes();

        Assert.Equal(
            ExceptionTypes().Where(static t => typeof(CruxApiException).IsAssignableFrom(t))
                .Append(typeof(CruxInvalidResponseException)).Append(typeof(CruxRedirectException))
                .OrderBy(static t => t.FullName, StringComparer.Ordinal),
            found);
    }

    [Theory]
    [MemberData(nameof(ResponseExceptions))]
    public void ResponseException_HasTheDetailsConstructor_AndNoLongerOne(Type type)
    {
        Assert.NotNull(type.GetConstructor(MessageDetailsAndInner));

        // Facts are added to CruxResponseDetails, not as constructor parameters: no public constructor takes more.
        Assert.All(type.GetConstructors(), c => Assert.True(c.GetParameters().Length <= 3, $"{type.Name}({string.Join(", ", c.GetParameters().Select(static p => p.ParameterType.Name))})"));
    }

    [Theory]
    [MemberData(nameof(StatusOfEachType))]
    public void DetailsConstructor_KeepsMessageDetailsAndInner(Type type, int status)
    {
        var details = new CruxResponseDetails((HttpStatusCode)(status == 0 ? 418 : status)) { RequestId = "req-7", Detail = "d", RetryAfter = TimeSpan.FromSeconds(3) };
        var inner = new IOException("cause");

        var exception = (CruxApiException)Create(type, MessageDetailsAndInner, "m", details, inner);

        Assert.Equal("m", exception.Message);
        Assert.Same(inner, exception.InnerException);
        Assert.Same(details, exception.Details);
        Assert.Equal(details.StatusCode, exception.StatusCode);
        Assert.Equal("req-7", exception.RequestId);
        Assert.Equal("d", exception.Detail);
        Assert.Empty(exception.FieldErrors);
        Assert.Null(exception.ResponseBody);
        if (exception is CruxRateLimitException rateLimit)
        {
            Assert.Equal(TimeSpan.FromSeconds(3), rateLimit.RetryAfter);
        }
    }

    [Theory]
    [MemberData(nameof(ResponseExceptions))]
    public void DetailsConstructor_NullDetails_ThrowsArgumentNullException(Type type)
    {
        var thrown = Assert.Throws<TargetInvocationException>(() => Create(type, MessageDetailsAndInner, "m", null, null));

        Assert.Equal("details", Assert.IsType<ArgumentNullException>(thrown.InnerException).ParamName);
    }

    [Theory]
    [InlineData(typeof(CruxBadRequestException), 401)]
    [InlineData(typeof(CruxAuthenticationException), 400)]
    [InlineData(typeof(CruxPermissionDeniedException), 404)]
    [InlineData(typeof(CruxNotFoundException), 403)]
    [InlineData(typeof(CruxRequestTimeoutException), 504)]
    [InlineData(typeof(CruxOrganizationTypeException), 400)]
    [InlineData(typeof(CruxUnprocessableEntityException), 0)]
    [InlineData(typeof(CruxRateLimitException), 503)]
    [InlineData(typeof(CruxServerException), 499)]
    [InlineData(typeof(CruxServerException), 600)]
    public void DetailsConstructor_OfAnotherStatus_ThrowsArgumentExceptionNamingDetails(Type type, int status)
    {
        var thrown = Assert.Throws<TargetInvocationException>(() => Create(type, MessageDetailsAndInner, "m", new CruxResponseDetails((HttpStatusCode)status), null));

        Assert.Equal("details", Assert.IsType<ArgumentException>(thrown.InnerException).ParamName);
    }

    [Theory]
    [InlineData(501)]
    [InlineData(503)]
    [InlineData(599)]
    public void ServerException_TakesAny5xx(int status)
    {
        var exception = new CruxServerException("m", new CruxResponseDetails((HttpStatusCode)status));

        Assert.Equal(status, (int)exception.StatusCode);
    }

    [Fact]
    public void InvalidResponseAndRedirect_ReadTheirPropertiesFromTheDetails()
    {
        var invalid = new CruxInvalidResponseException("m", new CruxResponseDetails(HttpStatusCode.OK) { ResponseBody = "<html>" });
        var redirect = new CruxRedirectException("m", new CruxResponseDetails(HttpStatusCode.Found) { Location = "https://elsewhere/x" });

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Equal("<html>", invalid.ResponseBody);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Equal("https://elsewhere/x", redirect.Location);
    }

    [Fact]
    public void PendingExceptions_StillLackAStandardConstructor()
    {
        foreach (Type type in Pending)
        {
            Assert.Contains(type, ExceptionTypes());
            bool complete = type.GetConstructor(Type.EmptyTypes) is not null
                && type.GetConstructor(MessageOnly) is not null
                && type.GetConstructor(MessageAndInner) is not null;
            Assert.False(complete, $"{type.Name} has the standard constructors now: remove it from {nameof(Pending)}.");
        }
    }

    private static Type[] ExceptionTypes() =>
        typeof(CruxClient).Assembly.GetExportedTypes()
            .Where(static t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(static t => t.FullName, StringComparer.Ordinal)
            .ToArray();

    private static Type[] ResponseExceptionTypes() =>
        ExceptionTypes().Where(static t => t.GetProperty("Details")?.PropertyType == typeof(CruxResponseDetails)).ToArray();

    private static Exception Create(Type type, Type[] signature, params object?[] arguments)
    {
        ConstructorInfo constructor = type.GetConstructor(signature)
            ?? throw new InvalidOperationException($"{type.Name} has no public constructor ({string.Join(", ", signature.Select(static s => s.Name))}).");
        return (Exception)constructor.Invoke(arguments);
    }

    // Lists and maps the standard constructors leave unset are empty, never null (the properties are not nullable).
    private static void AssertCollectionsAreEmptyNotNull(Exception exception)
    {
        foreach (PropertyInfo property in exception.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.DeclaringType?.Assembly != typeof(CruxClient).Assembly
                || property.PropertyType == typeof(string)
                || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                continue;
            }

            var value = (IEnumerable?)property.GetValue(exception);
            Assert.True(value is not null, $"{exception.GetType().Name}.{property.Name} is null.");
            Assert.False(value.GetEnumerator().MoveNext(), $"{exception.GetType().Name}.{property.Name} is not empty.");
        }
    }
}
