using Crux.Connect.Cli.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.Cli.Tests;

/// <summary>Issue 19: the tool never says "removed" or "added" for a change a proxy answered with a page of its own.</summary>
public sealed class ProxyAnswerTests
{
    private const string Uuid = "11111111-1111-4111-8111-111111111111";
    private const string User = "5b1f3c2e-8a7d-4e21-9c3b-0f6e2d1a4b5c";

    [Theory]
    [InlineData("remove", 200, "text/html", "<html><head><title>Request Rejected</title></head><body>The requested URL was rejected.</body></html>")]
    [InlineData("add", 201, "text/html; charset=utf-8", "<!DOCTYPE html><html><body><form action=\"/sso/login\"></form></body></html>")]
    [InlineData("remove", 200, "application/json", """{"detail":"Request blocked."}""")]
    [InlineData("add", 200, "application/json", "[]")]
    public async Task UserChange_AnsweredWithAPageThatIsNotCrux_FailsAndReportsNothingDone(string verb, int status, string contentType, string body)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using WebApplication app = builder.Build();
        app.Run(async context =>
        {
            if (HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync($$"""[{"uuid":"{{Uuid}}","name":"view_order","display_name":"View Orders","description":"","visibility":"BOTH","grouping":"ORDERS"}]""");
                return;
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        CliResult result = await CruxTool.RunAsync(
            ["--base-address", address, "user", verb, User, "view_order"],
            new Dictionary<string, string?> { ["CRUX_API_TOKEN"] = "a-token-for-the-test-0123456789" });

        await app.StopAsync();
        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        Assert.DoesNotContain("Removed", result.Out, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Added", result.Out, StringComparison.OrdinalIgnoreCase);
    }
}
