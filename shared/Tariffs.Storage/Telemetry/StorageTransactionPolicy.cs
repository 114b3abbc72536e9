using Azure.Core;
using Azure.Core.Pipeline;
using Tariffs.Application.Telemetry;

namespace Tariffs.Storage.Telemetry;

/// <summary>
/// Counts every request a storage client sends (each retry too: each is a billed transaction) on
/// <see cref="TariffsTelemetry.StorageTransactions"/>, tagged with the storage service (<c>table</c>, <c>queue</c>,
/// <c>blob</c>). An entity group transaction is one request (<c>$batch</c>), so it counts one. Add it per retry.
/// </summary>
public sealed class StorageTransactionPolicy(string storageService) : HttpPipelinePolicy
{
    private readonly KeyValuePair<string, object?> tag = new("tariffs.storage.service", storageService);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        TariffsTelemetry.StorageTransactions.Add(1, tag);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        TariffsTelemetry.StorageTransactions.Add(1, tag);
        return ProcessNextAsync(message, pipeline);
    }
}
