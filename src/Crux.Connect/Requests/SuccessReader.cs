namespace Crux.Connect.Internal;

/// <summary>
/// Turns a documented success answer into an operation's result, while the response is still open. It gets the request
/// as sent (with the attempt's <see cref="CruxRequest.Secrets"/>, to redact what it surfaces) and the settings, for messages.
/// </summary>
/// <typeparam name="TResult">What the operation's sender returns.</typeparam>
/// <param name="response">The success answer.</param>
/// <param name="request">The request that got it.</param>
/// <param name="settings">The client's settings.</param>
/// <param name="cancellationToken">The attempt's token.</param>
/// <returns>The result.</returns>
internal delegate ValueTask<TResult> SuccessReader<TResult>(
    HttpResponseMessage response, CruxRequest request, CruxClientSettings settings, CancellationToken cancellationToken);
