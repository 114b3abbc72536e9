using System.Reflection;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Options;

namespace Tariffs.LocalHost.Queues;

/// <summary>
/// Creates the trigger queues of the adapters when the host starts, if they are missing. The WebJobs queue listener does
/// not create its queue (it waits for it to appear), and senders should find it; the poison queue
/// (<c>&lt;queue&gt;-poison</c>) is still created on demand by the SDK when a first message is moved there.
/// Also logs the queue options in effect (host.json's <c>extensions:queues</c> plus overrides).
/// </summary>
/// <remarks>Registered before the WebJobs host so that the queues exist when the listeners start.</remarks>
public sealed class TriggerQueueProvisioner(
    IConfiguration configuration,
    INameResolver nameResolver,
    IOptions<QueuesOptions> queuesOptions,
    ITypeLocator typeLocator,
    ILogger<TriggerQueueProvisioner> logger) : IHostedService
{
    /// <summary>The connection the queue triggers use when they name none (<c>AzureWebJobsStorage</c>).</summary>
    public const string DefaultConnectionName = "Storage";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = queuesOptions.Value;
        logger.LogInformation(
            "Queue triggers: batchSize {BatchSize}, newBatchThreshold {NewBatchThreshold}, maxPollingInterval {MaxPollingInterval}, " +
            "visibilityTimeout {VisibilityTimeout}, maxDequeueCount {MaxDequeueCount}, messageEncoding {MessageEncoding}",
            options.BatchSize, options.NewBatchThreshold, options.MaxPollingInterval,
            options.VisibilityTimeout, options.MaxDequeueCount, options.MessageEncoding);

        var queues = typeLocator.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<QueueTriggerAttribute>())
            .OfType<QueueTriggerAttribute>()
            .Select(a => (Queue: nameResolver.ResolveWholeString(a.QueueName), Connection: a.Connection ?? DefaultConnectionName))
            .Distinct();

        foreach (var (queue, connection) in queues)
        {
            var connectionString = configuration.GetWebJobsConnectionString(connection);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"No storage connection string for '{connection}' (set AzureWebJobs{connection}, for example " +
                    "'UseDevelopmentStorage=true' or an Azurite connection string).");
            }

            var client = new QueueClient(connectionString, queue);
            var created = await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            logger.LogInformation("Queue {QueueName} {State} at {QueueUri}", queue, created is null ? "exists" : "created", client.Uri);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
