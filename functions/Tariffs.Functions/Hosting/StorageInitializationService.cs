using Microsoft.Extensions.Hosting;
using Tariffs.Functions.Billing;
using Tariffs.Functions.Eligibility;
using Tariffs.Storage;

namespace Tariffs.Functions.Hosting;

/// <summary>Creates missing tables, queues and containers when the host starts.</summary>
public sealed class StorageInitializationService(StorageInitializer initializer) : IHostedService
{
    /// <summary>Queues the app reads or writes.</summary>
    public static IReadOnlyList<string> Queues { get; } = [BillingBatchFunctions.QueueName, EligibilityFlagFunctions.QueueName];

    public Task StartAsync(CancellationToken cancellationToken) => initializer.EnsureCreatedAsync(Queues, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
