using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Tariffs.Functions.Hosting;
using Tariffs.LocalHost.Hosting;

namespace Tariffs.LocalHost.Http;

/// <summary>
/// Runs one HTTP-triggered isolated-worker function for an ASP.NET Core request: resolves the function class from the
/// request's DI scope, binds its parameters and writes its result, as the worker's ASP.NET Core integration does.
/// </summary>
/// <remarks>
/// Parameters bind as follows: the <c>[HttpTrigger]</c> <see cref="HttpRequest"/>; <see cref="HttpContext"/>;
/// <see cref="CancellationToken"/> (<see cref="HttpContext.RequestAborted"/>); and strings and other simple types
/// (anything with a <see cref="TypeConverter"/> from string, nullable or not) by name from the route values, then from
/// the query string, null or default when absent. A value that does not convert answers 400. Results:
/// <see cref="IActionResult"/> is executed with MVC (so <see cref="ObjectResult"/> uses the app's MVC JSON options),
/// <see cref="IResult"/> is executed, any other object is written as an <see cref="ObjectResult"/>, and no result
/// leaves an empty 200. A request at fault (<see cref="BadHttpRequestException"/>: a body over the size limit, shorter than
/// its Content-Length) answers its 4xx status with problem details; any other unhandled exception is logged and answers
/// 500, as in Azure.
/// </remarks>
public sealed class HttpFunctionInvoker
{
    private static readonly ActionDescriptor EmptyActionDescriptor = new();

    private readonly FunctionMethod _function;
    private readonly ILogger _logger;
    private readonly Func<HttpContext, object?>[] _binders;

    /// <summary>Prepares the binders of <paramref name="function"/>; fails for a parameter it cannot bind.</summary>
    /// <param name="function">The function to run.</param>
    /// <param name="loggerFactory">Creates the function's logger, category <c>Function.{name}</c> as in the Functions host.</param>
    /// <exception cref="InvalidOperationException">A parameter has a type the local host cannot bind.</exception>
    public HttpFunctionInvoker(FunctionMethod function, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _function = function;
        _logger = loggerFactory.CreateLogger("Function." + function.Name);
        _binders = function.Method.GetParameters().Select(p => CreateBinder(function, p)).ToArray();
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
            object?[] arguments;
            try
            {
                arguments = _binders.Select(bind => bind(context)).ToArray();
            }
            catch (BindingException ex)
            {
                _logger.LogWarning("Rejected request to 'Functions.{FunctionName}': {Reason} (Id={InvocationId})",
                    _function.Name, ex.Message, invocationId);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var instance = _function.Method.IsStatic ? null : context.RequestServices.GetRequiredService(_function.FunctionClass);
            var returned = _function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);

            var result = await UnwrapAsync(returned);
            await WriteResultAsync(context, result);
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
                context.Response.StatusCode = bad.StatusCode;
                await Results.Problem(Problem.Details(bad.StatusCode, ReasonPhrases.GetReasonPhrase(bad.StatusCode), bad.Message)).ExecuteAsync(context);
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
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
    }

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

    private static async Task<object?> UnwrapAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                var type = task.GetType();
                // Task<T> (including the runtime's internal subclasses); a plain Task has no value.
                var resultProperty = type.IsGenericType ? type.GetProperty(nameof(Task<object>.Result)) : null;
                var value = resultProperty?.GetValue(task);
                // An async method declared as Task runs as Task<VoidTaskResult>.
                return value?.GetType().FullName == "System.Threading.Tasks.VoidTaskResult" ? null : value;
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when returned.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)t.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
                return await UnwrapAsync(asTask);
            default:
                return returned;
        }
    }

    private static Task WriteResultAsync(HttpContext context, object? result) => result switch
    {
        null => Task.CompletedTask,
        IActionResult actionResult => actionResult.ExecuteResultAsync(
            new ActionContext(context, context.GetRouteData(), EmptyActionDescriptor)),
        IResult httpResult => httpResult.ExecuteAsync(context),
        _ => new ObjectResult(result).ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), EmptyActionDescriptor)),
    };

    private static Func<HttpContext, object?> CreateBinder(FunctionMethod function, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(HttpRequest))
        {
            return context => context.Request;
        }

        if (type == typeof(HttpContext))
        {
            return context => context;
        }

        if (type == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        var valueType = Nullable.GetUnderlyingType(type) ?? type;
        var converter = TypeDescriptor.GetConverter(valueType);
        if (valueType != typeof(string) && !converter.CanConvertFrom(typeof(string)))
        {
            throw new InvalidOperationException(
                $"Function '{function.Name}': the local host cannot bind parameter '{parameter.Name}' of type {type.FullName}; " +
                "it binds HttpRequest, HttpContext, CancellationToken and simple values from the route or the query string.");
        }

        var name = parameter.Name!;
        var fallback = type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        return context =>
        {
            var raw = context.GetRouteValue(name) is { } routeValue
                ? Convert.ToString(routeValue, CultureInfo.InvariantCulture)
                : context.Request.Query.TryGetValue(name, out var query) ? query.ToString() : null;
            if (raw is null)
            {
                return fallback;
            }

            if (valueType == typeof(string))
            {
                return raw;
            }

            try
            {
                return converter.ConvertFromInvariantString(raw);
            }
            catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException || ex.InnerException is FormatException)
            {
                throw new BindingException($"'{raw}' is not a valid {valueType.Name} for '{name}'.");
            }
        };
    }

    private sealed class BindingException(string message) : Exception(message);
}
