using Xunit.Abstractions;

namespace Crux.Connect.IntegrationTests.Bulk;

/// <summary>
/// Issue 21, "Patient", the row of <see cref="PatientBulkTests"/> that docs/bulk.md's table measures: a plan applied to a
/// thousand users at 200 requests a second (one-second windows), default options, about 15 s of windows. A class of its own
/// (an xunit collection) so that its waiting overlaps with the other classes instead of adding to them.
/// </summary>
public sealed class PatientBulkDocumentedRateTests
{
    private readonly ITestOutputHelper _output;

    public PatientBulkDocumentedRateTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData(null, 200, 1000, 0)]
    public Task ApplyPermissionChangesAsync_ThousandUsersUnderTheRateLimit_NoUserFailsAndEveryStateIsExact(int? concurrency, int permits, int windowMs, int maxDelayMs) =>
        PatientBulkTests.ApplyThousandUsersAsync(_output, concurrency, permits, windowMs, maxDelayMs);
}
