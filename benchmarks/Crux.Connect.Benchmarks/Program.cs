using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "--interleaved")
{
    return Crux.Connect.Benchmarks.InterleavedLoopback.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40,
        args.Length > 2 && args[2] == "polly",
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2);
}

if (args.Length > 0 && args[0] == "--bulk")
{
    return await Crux.Connect.Benchmarks.BulkUnderRateLimit.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1);
}

// Exit non-zero when a benchmark could not run (its [GlobalSetup] wire check threw, it crashed,
// or the configuration was invalid), so CI's dry run catches it.
// BenchmarkDotNet's build of its boilerplate times out after 2 minutes by default, which a busy 2-core CI machine exceeds
// (seen 2026-12-06, load average 20): 10 minutes.
IEnumerable<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
bool failed = summaries.Any(static s => s.HasCriticalValidationErrors || s.Reports.Any(static r => !r.Success));
return failed ? 1 : 0;
