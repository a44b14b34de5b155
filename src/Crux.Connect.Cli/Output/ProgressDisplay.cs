using Spectre.Console;

namespace Crux.Connect.Cli.Output;

/// <summary>
/// The live progress bar of a bulk run, on standard error (standard output stays for the result): done / total,
/// failures, rate-limit pauses (429 answers), percentage and time left. Spectre.Console draws it in place on a
/// terminal, and writes a line at 25, 50, 75 and 95-100 % when standard error is redirected.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, which reports the engine's <see cref="CruxBulkProgress"/> (done, failed, 429 answers)
    /// through the callback it is given, from any thread.</summary>
    public static async Task<T> RunAsync<T>(CliContext context, string verb, int total, Func<Action<CruxBulkProgress>, Task<T>> work)
    {
        T result = default!;
        string last = Describe(verb, 0, total, 0, 0);
        await context.Error.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                ProgressTask task = progress.AddTask(Describe(verb, 0, total, 0, 0), maxValue: total);
                int most = -1;
                var gate = new Lock();
                result = await work(p =>
                {
                    int done = p.Completed;
                    // Workers report from several threads: the line kept for the log is the furthest one, not the last to arrive.
                    lock (gate)
                    {
                        if (done >= most)
                        {
                            most = done;
                            task.Value = done;
                            task.Description = last = Describe(verb, done, total, p.Failed, p.RateLimitedResponses);
                        }
                    }

                    context.Host.OnProgress?.Invoke(verb, done);
                }).ConfigureAwait(false);
                task.StopTask();
            }).ConfigureAwait(false);

        // Redirected, Spectre writes a line only once a second; a log or a script still gets where each phase ended.
        if (!context.Host.ErrorIsTerminal)
        {
            context.Note(Markup.Remove(last));
        }

        return result;
    }

    private static string Describe(string verb, int done, int total, int failed, long pauses) =>
        Markup.Escape($"{verb} {done:N0}/{total:N0}, {failed:N0} failed, {pauses:N0} rate-limit pauses");
}
