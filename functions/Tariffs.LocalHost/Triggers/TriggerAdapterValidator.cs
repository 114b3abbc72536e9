using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.WebJobs;
using Tariffs.LocalHost.Hosting;
using IsolatedQueueTrigger = Microsoft.Azure.Functions.Worker.QueueTriggerAttribute;
using IsolatedTimerTrigger = Microsoft.Azure.Functions.Worker.TimerTriggerAttribute;
using WebJobsQueueTrigger = Microsoft.Azure.WebJobs.QueueTriggerAttribute;
using WebJobsTimerTrigger = Microsoft.Azure.WebJobs.TimerTriggerAttribute;

namespace Tariffs.LocalHost.Triggers;

/// <summary>
/// Checks at startup that every non-HTTP isolated-worker function has a WebJobs adapter with the same name and the
/// same trigger (queue name and connection; timer schedule, RunOnStartup and UseMonitor), and that no adapter
/// forwards to a function that does not exist, so that a function added to Tariffs.Functions without an adapter
/// stops the local host with a message instead of silently never running.
/// </summary>
public static class TriggerAdapterValidator
{
    /// <summary>Describes every mismatch between <paramref name="functions"/> and <paramref name="adapterTypes"/>.</summary>
    public static IReadOnlyList<string> FindProblems(IEnumerable<FunctionMethod> functions, IEnumerable<Type> adapterTypes)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(adapterTypes);

        var adapters = adapterTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Method: m, Name: m.GetCustomAttribute<FunctionNameAttribute>()?.Name))
            .Where(a => a.Name is not null)
            .ToDictionary(a => a.Name!, a => a.Method, StringComparer.OrdinalIgnoreCase);

        var problems = new List<string>();
        var nonHttp = functions.Where(f => f.Trigger is not HttpTriggerAttribute).ToList();
        foreach (var function in nonHttp)
        {
            if (!adapters.TryGetValue(function.Name, out var adapter))
            {
                problems.Add(
                    $"Function '{function.Name}' ({function.Trigger?.GetType().Name ?? "no trigger"}) has no adapter: add a class " +
                    $"under functions/Tariffs.LocalHost/Triggers with a [FunctionName(\"{function.Name}\")] method carrying the WebJobs trigger.");
                continue;
            }

            var mismatch = CompareTriggers(function, adapter);
            if (mismatch is not null)
            {
                problems.Add($"Function '{function.Name}': {mismatch}");
            }
        }

        foreach (var name in adapters.Keys.Where(n => !nonHttp.Any(f => string.Equals(f.Name, n, StringComparison.OrdinalIgnoreCase))))
        {
            problems.Add($"Adapter '{name}' ({adapters[name].DeclaringType!.Name}) has no queue or timer function of that name in Tariffs.Functions.");
        }

        return problems;
    }

    /// <summary>Throws when <see cref="FindProblems"/> finds anything.</summary>
    /// <exception cref="InvalidOperationException">Some function and its adapter do not match.</exception>
    public static void EnsureConsistent(IEnumerable<FunctionMethod> functions, IEnumerable<Type> adapterTypes)
    {
        var problems = FindProblems(functions, adapterTypes);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The local host's trigger adapters do not match the functions:" + Environment.NewLine + "  " +
                string.Join(Environment.NewLine + "  ", problems));
        }
    }

    private static string? CompareTriggers(FunctionMethod function, MethodInfo adapter)
    {
        var adapterAttributes = adapter.GetParameters().SelectMany(p => p.GetCustomAttributes()).ToList();
        switch (function.Trigger)
        {
            case IsolatedQueueTrigger queue:
                var webJobsQueue = adapterAttributes.OfType<WebJobsQueueTrigger>().SingleOrDefault();
                if (webJobsQueue is null)
                {
                    return $"the function has a queue trigger but its adapter {adapter.DeclaringType!.Name}.{adapter.Name} does not.";
                }

                if (!string.Equals(queue.QueueName, webJobsQueue.QueueName, StringComparison.Ordinal) ||
                    !string.Equals(queue.Connection ?? "", webJobsQueue.Connection ?? "", StringComparison.Ordinal))
                {
                    return $"queue '{queue.QueueName}' (connection '{queue.Connection}') but the adapter listens on " +
                           $"'{webJobsQueue.QueueName}' (connection '{webJobsQueue.Connection}').";
                }

                return null;

            case IsolatedTimerTrigger timer:
                var webJobsTimer = adapterAttributes.OfType<WebJobsTimerTrigger>().SingleOrDefault();
                if (webJobsTimer is null)
                {
                    return $"the function has a timer trigger but its adapter {adapter.DeclaringType!.Name}.{adapter.Name} does not.";
                }

                if (!string.Equals(timer.Schedule, webJobsTimer.ScheduleExpression, StringComparison.Ordinal) ||
                    timer.RunOnStartup != webJobsTimer.RunOnStartup ||
                    timer.UseMonitor != webJobsTimer.UseMonitor)
                {
                    return $"schedule '{timer.Schedule}' (RunOnStartup {timer.RunOnStartup}, UseMonitor {timer.UseMonitor}) but the adapter has " +
                           $"'{webJobsTimer.ScheduleExpression}' (RunOnStartup {webJobsTimer.RunOnStartup}, UseMonitor {webJobsTimer.UseMonitor}).";
                }

                return null;

            default:
                return $"the local host has no support for {function.Trigger?.GetType().Name ?? "functions without a trigger"}.";
        }
    }
}
