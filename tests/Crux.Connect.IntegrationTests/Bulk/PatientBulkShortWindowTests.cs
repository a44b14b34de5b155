using Xunit.Abstractions;

namespace Crux.Connect.IntegrationTests.Bulk;

/// <summary>
/// Issue 21, "Patient", the rows of <see cref="PatientBulkTests"/> whose window is shorter than Retry-After can say (it
/// answers "1"), with default options: the run's probe ends each pause early (docs/bulk.md). A class of their own (an
/// xunit collection) so that their waiting overlaps with the other classes instead of adding to them.
/// </summary>
public sealed class PatientBulkShortWindowTests
{
    private readonly ITestOutputHelper _output;

    public PatientBulkShortWindowTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData(null, 150, 200, 0)] // docs/bulk.md's limit with DEFAULT options: Retry-After "1" for a 200 ms window; the gate's probe
    [InlineData(null, 40, 100, 0)]
    public Task ApplyPermissionChangesAsync_ThousandUsersUnderTheRateLimit_NoUserFailsAndEveryStateIsExact(int? concurrency, int permits, int windowMs, int maxDelayMs) =>
        PatientBulkTests.ApplyThousandUsersAsync(_output, concurrency, permits, windowMs, maxDelayMs);
}
