using System.Diagnostics.CodeAnalysis;

// Suppressions for code that is kept out of this file's reach on purpose (its owners rewrite it in parallel), each with the
// reason it holds. Everywhere else a suppression sits on the member it concerns.

// Catch-alls that are the point of the code: a user's callback or one user's change must never end a bulk run, and one
// attempt's failure, whatever it is, goes to the resilience pipeline as an outcome to classify, not up the stack.
[assembly: SuppressMessage("Design", "CA1031:Do not catch general exception types", Scope = "member",
    Target = "~M:Crux.Connect.Bulk.BulkRunner`1.Report",
    Justification = "The caller's IProgress<T> may throw anything; it is recorded once and reported on the result, never allowed to end the run.")]
[assembly: SuppressMessage("Design", "CA1031:Do not catch general exception types", Scope = "member",
    Target = "~M:Crux.Connect.Bulk.BulkRunner`1.ChangeUserAsync(System.Guid,System.Threading.CancellationToken)~System.Threading.Tasks.Task{Crux.Connect.CruxBulkOutcome{`0}}",
    Justification = "Whatever ends one user's change is that user's failed outcome, never the whole run's.")]
[assembly: SuppressMessage("Design", "CA1031:Do not catch general exception types", Scope = "member",
    Target = "~M:Crux.Connect.Internal.CruxSender.AttemptAsync``1(System.Net.Http.HttpClient,Crux.Connect.Internal.CruxClientCore,Crux.Connect.Internal.CruxRequest,System.Func{System.Net.Http.HttpResponseMessage,Crux.Connect.Internal.CruxRequest,Crux.Connect.Internal.CruxClientSettings,System.Threading.CancellationToken,System.Threading.Tasks.ValueTask{``0}},Crux.Connect.Internal.CruxCallState,System.Threading.CancellationToken)~System.Threading.Tasks.ValueTask{Polly.Outcome{``0}}",
    Justification = "An attempt returns every failure as a Polly outcome; the pipeline's one transient rule decides what is retried and what is rethrown.")]

// Retry jitter spreads clients' retries apart; nothing about it is secret or security-relevant.
[assembly: SuppressMessage("Security", "CA5394:Do not use insecure randomness", Scope = "type",
    Target = "~T:Crux.Connect.Internal.Jitter",
    Justification = "Jitter for retry backoff, not a secret: a predictable value harms nothing, and a cryptographic generator would only cost time.")]

// Rules whose fix does not exist on netstandard2.0, which compiles the same line.
[assembly: SuppressMessage("Performance", "CA1865:Use char overload", Scope = "member",
    Target = "~M:Crux.Connect.Internal.CruxClientSettings.#ctor(Crux.Connect.CruxClientOptions)",
    Justification = "string.EndsWith(char) does not exist on netstandard2.0; the ordinal string overload is equivalent.")]
[assembly: SuppressMessage("Maintainability", "CA1510:Use ArgumentNullException throw helper", Scope = "type",
    Target = "~T:Crux.Connect.CruxBulkCanceledException",
    Justification = "ArgumentNullException.ThrowIfNull does not exist on netstandard2.0; the file is being reworked in parallel and can move to the Guard helper then.")]

// CruxBulkCanceledException is an OperationCanceledException whose every property describes a bulk run (its progress
// above all); the standard constructors will come with the rework of Bulk/ that is under way, which StandardConstructorTests lists as pending.
[assembly: SuppressMessage("Design", "CA1032:Implement standard exception constructors", Scope = "type",
    Target = "~T:Crux.Connect.CruxBulkCanceledException",
    Justification = "Pending: Bulk/ is being reworked in parallel; StandardConstructorTests names this type as the one exception still without them.")]
