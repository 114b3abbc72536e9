using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Tariffs.Functions.Hosting;
using Tariffs.LocalHost.Hosting;

namespace Tariffs.LocalHost.Http;

/// <summary>
/// Runs one HTTP-triggered isolated-worker function for an ASP.NET Core request, as the worker's ASP.NET Core
/// integration does, for the signatures the functions use: parameters <see cref="HttpRequest"/>, strings (the route
/// value of that name) and <see cref="CancellationToken"/> (<see cref="HttpContext.RequestAborted"/>); an
/// <see cref="IActionResult"/> returned as such or by a <see cref="Task{TResult}"/>, executed with MVC (so an
/// <see cref="ObjectResult"/> uses the app's MVC JSON options). The function class is resolved from the request's DI
/// scope. A request at fault (<see cref="BadHttpRequestException"/>: a body over the size limit, shorter than its
/// Content-Length) answers its 4xx status with problem details; any other unhandled exception is logged and answers
/// 500 with problem details and the invocation id as correlation id, as the worker does in Azure (UnhandledExceptionProblems).
/// </summary>
public sealed class HttpFunctionInvoker
{
    private readonly FunctionMethod _function;
    private readonly ILogger _logger;
    private readonly Func<HttpContext, object?>[] _binders;

    /// <summary>Prepares the binders of <paramref name="function"/>.</summary>
    /// <param name="function">The function to run.</param>
    /// <param name="loggerFactory">Creates the function's logger, category <c>Function.{name}</c> as in the Functions host.</param>
    /// <exception cref="NotSupportedException">The function's signature is not one of those above.</exception>
    public HttpFunctionInvoker(FunctionMethod function, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _function = function;
        _logger = loggerFactory.CreateLogger("Function." + function.Name);
        _binders = function.Method.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(HttpRequest) => context => context.Request,
            var t when t == typeof(CancellationToken) => context => context.RequestAborted,
            var t when t == typeof(string) => context => (object?)(context.GetRouteValue(p.Name!) as string),
            _ => Unsupported<Func<HttpContext, object?>>($"parameter '{p.Name}' of type {p.ParameterType.Name}"),
        }).ToArray();
        if (function.Method.IsStatic || function.Method.ReturnType != typeof(IActionResult) && function.Method.ReturnType != typeof(Task<IActionResult>))
            Unsupported<bool>($"signature ({function.Method})");
    }

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var invocationId = Guid.NewGuid();
        _logger.LogInformation("Executing 'Functions.{FunctionName}' ({Method} {Path}, Id={InvocationId})",
            _function.Name, context.Request.Method, context.Request.Path, invocationId);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var instance = context.RequestServices.GetRequiredService(_function.FunctionClass);
            var arguments = _binders.Select(bind => bind(context)).ToArray();
            var returned = _function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            var result = returned as IActionResult ?? await (Task<IActionResult>)returned!;
            await ExecuteAsync(context, result);
            _logger.LogInformation("Executed 'Functions.{FunctionName}' (Succeeded, Status={StatusCode}, Id={InvocationId}, Duration={ElapsedMilliseconds}ms)",
                _function.Name, context.Response.StatusCode, invocationId, stopwatch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (BadRequestIn(ex) is { } bad)
        {
            // The request itself is at fault (a body over Kestrel's limit, shorter than its Content-Length): 4xx, never 500.
            _logger.LogWarning("Rejected request to 'Functions.{FunctionName}': {Reason} (Status={StatusCode}, Id={InvocationId})",
                _function.Name, bad.Message, bad.StatusCode, invocationId);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await ExecuteAsync(context, Problem.Result(bad.StatusCode, ReasonPhrases.GetReasonPhrase(bad.StatusCode), bad.Message));
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            _logger.LogInformation("Executed 'Functions.{FunctionName}' (Cancelled: the client went away, Id={InvocationId}, Duration={ElapsedMilliseconds}ms)",
                _function.Name, invocationId, stopwatch.ElapsedMilliseconds);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Executed 'Functions.{FunctionName}' (Failed, Id={InvocationId}, Duration={ElapsedMilliseconds}ms)",
                _function.Name, invocationId, stopwatch.ElapsedMilliseconds);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await ExecuteAsync(context, Problem.Result(Problem.Internal(invocationId.ToString())));
            }
        }
    }

    private static Task ExecuteAsync(HttpContext context, IActionResult result) =>
        result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));

    /// <summary>The <see cref="BadHttpRequestException"/> behind an exception (storage clients wrap the body stream's), if any.</summary>
    private static BadHttpRequestException? BadRequestIn(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is BadHttpRequestException bad)
                return bad;
            if (ex is AggregateException { InnerExceptions.Count: > 0 } aggregate)
                return aggregate.InnerExceptions.Select(BadRequestIn).FirstOrDefault(b => b is not null);
        }
        return null;
    }

    private T Unsupported<T>(string what) => throw new NotSupportedException(
        $"Function '{_function}': the local host cannot run its {what}; it binds HttpRequest, CancellationToken and route " +
        "values as strings, and runs instance methods returning IActionResult or Task<IActionResult>.");
}
