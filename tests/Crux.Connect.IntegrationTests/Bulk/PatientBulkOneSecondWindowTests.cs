using Xunit.Abstractions;

namespace Crux.Connect.IntegrationTests.Bulk;

/// <summary>
/// Issue 21, "Patient", the rows of <see cref="PatientBulkTests"/> whose window is one second, so that Retry-After ("1") is
/// exact: default options, at 500 requests a second (200 a second is <see cref="PatientBulkDocumentedRateTests"/>). A class of
/// their own (an xunit collection) so that their seconds of waiting overlap with the other classes' instead of adding to them.
/// </summary>
public sealed class PatientBulkOneSecondWindowTests
{
    private readonly ITestOutputHelper _output;

    public PatientBulkOneSecondWindowTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData(null, 500, 1000, 0)]
    [InlineData(8, 500, 1000, 0)]
    public Task ApplyPermissionChangesAsync_ThousandUsersUnderTheRateLimit_NoUserFailsAndEveryStateIsExact(int? concurrency, int permits, int windowMs, int maxDelayMs) =>
        PatientBulkTests.ApplyThousandUsersAsync(_output, concurrency, permits, windowMs, maxDelayMs);
}
