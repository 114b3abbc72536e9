using Microsoft.Extensions.Hosting;
using Tariffs.Storage;

namespace Tariffs.Functions.Hosting;

/// <summary>Creates missing tables, queues and containers when the host starts, retrying transient failures.</summary>
public sealed class StorageInitializationService(StorageInitializer initializer) : IHostedService
{
    private const int Attempts = 10;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await initializer.EnsureCreatedAsync(cancellationToken);
                return;
            }
            catch (Azure.RequestFailedException) when (attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
