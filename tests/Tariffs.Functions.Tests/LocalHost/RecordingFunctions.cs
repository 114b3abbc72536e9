using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace Tariffs.Functions.Tests.LocalHost;

/// <summary>A queue and a timer function that record what they are called with (<see cref="TriggerTypeLocatorTests"/>).</summary>
public sealed class RecordingFunctions
{
    public QueueMessage? Message { get; private set; }
    public TimerInfo? Timer { get; private set; }
    public CancellationToken Token { get; private set; }

    [Function("Work")]
    public Task Work([QueueTrigger("work", Connection = "Other")] QueueMessage message, CancellationToken cancellationToken)
    {
        (Message, Token) = (message, cancellationToken);
        return Task.CompletedTask;
    }

    [Function("Tick")]
    public Task Tick([TimerTrigger("0 0 * * * *", RunOnStartup = true, UseMonitor = false)] TimerInfo timer, CancellationToken cancellationToken)
    {
        Timer = timer;
        return Task.CompletedTask;
    }

    /// <summary>A signature the local host does not run (no [Function], so that discovery leaves it out).</summary>
    public Task WithoutToken([QueueTrigger("other")] QueueMessage message) => Task.CompletedTask;
}
