using System.Reflection;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.Azure.WebJobs;
using Tariffs.LocalHost.Hosting;
using Tariffs.LocalHost.Triggers;
using WebJobsQueueTrigger = Microsoft.Azure.WebJobs.QueueTriggerAttribute;
using WebJobsScheduleStatus = Microsoft.Azure.WebJobs.Extensions.Timers.ScheduleStatus;
using WebJobsTimerInfo = Microsoft.Azure.WebJobs.TimerInfo;
using WebJobsTimerTrigger = Microsoft.Azure.WebJobs.TimerTriggerAttribute;

namespace Tariffs.Functions.Tests.LocalHost;

/// <summary>
/// The classes the local host emits for the WebJobs SDK from the queue and timer functions: the triggers the functions
/// declare, and bodies that call the function with the same message, or the timer copied into the worker's type.
/// </summary>
public class TriggerTypeLocatorTests
{
    /// <summary>The WebJobs trigger of each emitted function, by function name.</summary>
    private static Dictionary<string, Attribute> Triggers(TriggerTypeLocator locator) => locator.GetTypes()
        .Select(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Single())
        .ToDictionary(m => m.GetCustomAttribute<FunctionNameAttribute>()!.Name,
            m => m.GetParameters()[0].GetCustomAttributes().Single());

    [Fact]
    public void Every_queue_and_timer_function_of_the_app_runs_on_the_queue_or_schedule_it_declares()
    {
        var triggers = Triggers(new TriggerTypeLocator(FunctionCatalog.Discover(FunctionCatalog.FunctionsAssembly)));

        var queues = triggers.Where(t => t.Value is WebJobsQueueTrigger)
            .ToDictionary(t => t.Key, t => (((WebJobsQueueTrigger)t.Value).QueueName, (string?)((WebJobsQueueTrigger)t.Value).Connection));
        Assert.Equal(new Dictionary<string, (string, string?)>
        {
            ["ProcessBillingBatch"] = ("billing-batches", null),
            ["ProcessBillingChunk"] = ("billing-chunks", null),
            ["RecordEligibilityFlag"] = ("eligibility-flags", null),
            ["RecordHouseholdFacts"] = ("household-facts", null),
            ["RecomputeHousehold"] = ("household-recompute", null),
            ["DeliverWebhook"] = ("webhook-deliveries", null),
            ["RefreshEquityReportUnit"] = ("report-units", null),
            ["RunSimulation"] = ("simulations", null),
            ["RunExport"] = ("exports", null),
        }, queues);
        var timers = triggers.Where(t => t.Value is WebJobsTimerTrigger)
            .ToDictionary(t => t.Key, t => (((WebJobsTimerTrigger)t.Value).ScheduleExpression, ((WebJobsTimerTrigger)t.Value).RunOnStartup, ((WebJobsTimerTrigger)t.Value).UseMonitor));
        Assert.Equal(new Dictionary<string, (string, bool, bool)>
        {
            ["ComputeEquityReports"] = ("%EquityReportSchedule%", false, true),
            ["ReplayWebhookDeliveries"] = ("%WebhookReplaySchedule%", false, true),
            ["SendPendingPublications"] = ("0 */5 * * * *", false, true),
            ["SweepPoisonQueues"] = ("*/15 * * * * *", false, true),
        }, timers);
        Assert.Equal(13, triggers.Count);
    }

    [Fact]
    public async Task The_emitted_methods_call_the_function_with_the_message_and_the_timer_as_the_worker_sees_them()
    {
        var locator = new TriggerTypeLocator(FunctionCatalog.Discover(typeof(TriggerTypeLocatorTests).Assembly));
        var triggers = Triggers(locator);
        Assert.Equal(("work", "Other"), (((WebJobsQueueTrigger)triggers["Work"]).QueueName, ((WebJobsQueueTrigger)triggers["Work"]).Connection));
        Assert.Equal(("0 0 * * * *", true, false), (((WebJobsTimerTrigger)triggers["Tick"]).ScheduleExpression,
            ((WebJobsTimerTrigger)triggers["Tick"]).RunOnStartup, ((WebJobsTimerTrigger)triggers["Tick"]).UseMonitor));

        var functions = new RecordingFunctions();
        using var cancellation = new CancellationTokenSource();
        var message = QueuesModelFactory.QueueMessage("id-1", "receipt", "{\"a\":1}", dequeueCount: 3);
        var last = new DateTime(2026, 1, 2, 3, 0, 0, DateTimeKind.Utc);
        var timer = new WebJobsTimerInfo(null!, new WebJobsScheduleStatus { Last = last, Next = last.AddHours(1), LastUpdated = last }, isPastDue: true);
        foreach (var type in locator.GetTypes())
        {
            var instance = Activator.CreateInstance(type, functions)!;
            var method = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Single();
            await (Task)method.Invoke(instance, [method.Name == "Work" ? message : timer, cancellation.Token])!;
        }

        Assert.Same(message, functions.Message);
        Assert.Equal(cancellation.Token, functions.Token);
        Assert.True(functions.Timer!.IsPastDue);
        Assert.Equal((last, last.AddHours(1), last), (functions.Timer.ScheduleStatus!.Last, functions.Timer.ScheduleStatus.Next, functions.Timer.ScheduleStatus.LastUpdated));
    }

    [Fact]
    public void A_queue_function_of_another_signature_stops_the_host_with_the_form_it_needs()
    {
        var method = typeof(RecordingFunctions).GetMethod(nameof(RecordingFunctions.WithoutToken))!;
        var parameter = method.GetParameters()[0];
        var function = new FunctionMethod("WithoutToken", method, parameter.GetCustomAttribute<TriggerBindingAttribute>(), parameter);

        var error = Assert.Throws<NotSupportedException>(() => new TriggerTypeLocator([function]));
        Assert.Contains("public Task Name([Trigger] QueueMessage or TimerInfo, CancellationToken)", error.Message);
    }
}
