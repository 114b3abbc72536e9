using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Tariffs.Functions.Hosting;

/// <summary>
/// Worker middleware: an exception escaping an HTTP function is logged (with the invocation id) and answered 500 with
/// problem details (<see cref="Problem.Internal"/>: its correlation id, no message, no stack) instead of the host's bare
/// 500; a response already started is left as it is. Other triggers, and a request its client cancelled, rethrow.
/// </summary>
public sealed partial class UnhandledExceptionProblems(ILogger<UnhandledExceptionProblems> logger) : IFunctionsWorkerMiddleware
{
    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (context.GetHttpContext() is { } http
            && !(ex is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
            && !http.Response.HasStarted)
        {
            LogFailed(logger, ex, context.InvocationId);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await http.Response.WriteAsJsonAsync(Problem.Internal(context.InvocationId), options: null, Problem.ContentType, http.RequestAborted).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "HTTP function failed (correlation id {InvocationId}); answered 500 with problem details")]
    private static partial void LogFailed(ILogger logger, Exception exception, string invocationId);
}
