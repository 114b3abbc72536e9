using Microsoft.Extensions.Hosting;
using Tariffs.Storage;

namespace Tariffs.Functions.Hosting;

/// <summary>Creates missing tables, queues and containers when the host starts.</summary>
public sealed class StorageInitializationService(StorageInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
