using Microsoft.Extensions.Logging;

namespace Crux.Connect.DependencyInjection;

/// <summary>Log events written while the container starts (category <c>Crux.Connect</c>; ids from 200, next to <c>CruxLog</c>'s).</summary>
internal static partial class CruxStartupLog
{
    [LoggerMessage(EventId = 200, EventName = "SandboxInProduction", Level = LogLevel.Warning,
        Message = "Crux Connect client {ClientName} sends to the Sandbox ({ServerAddress}) while the host environment is Production. " +
                  "Set {ConfigurationKey} to https://api.cruxconnect.com/ (CruxEnvironments.Production) unless the Sandbox is meant.")]
    public static partial void SandboxInProduction(ILogger logger, string clientName, string serverAddress, string configurationKey);
}
