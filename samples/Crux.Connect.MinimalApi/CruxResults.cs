using Crux.Connect;

/// <summary>
/// Turns the SDK's typed exceptions into HTTP answers of this API: a caller's mistake is theirs (400, 404), a refusal by
/// Crux Connect is a gateway problem (502) carrying the request id Crux support asks for.
/// </summary>
internal static class CruxResults
{
    public static async Task<IResult> Run(Func<Task<IResult>> call)
    {
        try
        {
            return await call();
        }
        catch (CruxUnknownPermissionException exception)
        {
            // An ArgumentException of its own type: the caller named a permission this environment does not have.
            return Results.Problem(
                title: "Unknown permission",
                detail: $"Unknown: {string.Join(", ", exception.UnknownNames)}. Valid: {string.Join(", ", exception.ValidNames)}.",
                statusCode: StatusCodes.Status400BadRequest);
        }
        catch (CruxNotFoundException)
        {
            return Results.Problem(title: "No such user in this organization", statusCode: StatusCodes.Status404NotFound);
        }
        catch (CruxApiException exception)
        {
            return Results.Problem(
                title: "Crux Connect refused the change",
                detail: $"{(int)exception.StatusCode}: {exception.Detail} (request id {exception.RequestId ?? "none"})",
                statusCode: StatusCodes.Status502BadGateway);
        }
        catch (CruxException exception) when (exception is CruxConnectionException or CruxTimeoutException)
        {
            return Results.Problem(title: "Crux Connect did not answer", statusCode: StatusCodes.Status504GatewayTimeout);
        }
    }
}
