using Crux.Connect;

namespace Crux.Connect.WorkerSample;

/// <summary>
/// A singleton (every hosted service is one) that holds an <see cref="OrganizationUsersClient"/> for the application's
/// lifetime. That is safe: the client shares one options snapshot and resilience pipeline per registration, and its
/// primary handler recycles pooled connections every two minutes, so DNS changes reach a client held forever.
/// </summary>
public sealed class OffboardingWorker(
    OrganizationUsersClient users,
    OffboardingQueue queue,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<OffboardingWorker> logger) : BackgroundService
{
    private readonly List<RemovePermissionsResult> _offboarded = [];

    /// <summary>The removals the server confirmed, in queue order (Program.cs reports them when CRUX_SAMPLE_RESULT is set).</summary>
    public IReadOnlyList<RemovePermissionsResult> Offboarded => _offboarded;

    /// <summary>How many users could not be offboarded.</summary>
    public int Failed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string[] permissions = configuration.GetSection("Offboarding:Permissions").Get<string[]>() ?? ["export_order"];
        await foreach (Guid user in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                RemovePermissionsResult result = await users.RemovePermissionsAsync(user, permissions, stoppingToken);
                _offboarded.Add(result);
                logger.LogInformation("Offboarded {User}: removed {Permissions} (request id {RequestId})", user, string.Join(", ", permissions), result.RequestId);
            }
            catch (CruxException exception)
            {
                // One user's failure does not stop the others; the message names the call, the host and the request id.
                Failed++;
                logger.LogError(exception, "Could not offboard {User}", user);
            }
        }

        logger.LogInformation("Offboarding queue drained: {Failed} failure(s)", Failed);
        Environment.ExitCode = Failed == 0 ? 0 : 1;

        // This sample's queue is finite; a real worker keeps waiting for the next message instead.
        lifetime.StopApplication();
    }
}
