using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Tariffs.Storage.Telemetry;
using Tariffs.Application.Telemetry;

namespace Tariffs.Functions.Hosting;

/// <summary>
/// Builds the storage clients from the same <c>AzureWebJobsStorage</c> setting the Functions host uses:
/// a connection string locally (Azurite), or identity-based in Azure (<c>AzureWebJobsStorage__accountName</c>
/// with <c>__credential</c> = managedidentity and <c>__clientId</c> of the user-assigned identity). Queue
/// messages are Base64, as the queue trigger expects (host.json <c>messageEncoding</c>). Every request the clients
/// send is counted (<see cref="StorageTransactionPolicy"/>).
/// </summary>
public sealed class StorageClients
{
    /// <summary>Name of the connection setting shared with the Functions host.</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";

    public StorageClients(IConfiguration configuration)
    {
        var section = configuration.GetSection(ConnectionSetting);
        var tableOptions = new TableClientOptions();
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var rawQueueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        var blobOptions = new BlobClientOptions();
        tableOptions.AddPolicy(new StorageTransactionPolicy("table"), HttpPipelinePosition.PerRetry);
        queueOptions.AddPolicy(new StorageTransactionPolicy("queue"), HttpPipelinePosition.PerRetry);
        blobOptions.AddPolicy(new StorageTransactionPolicy("blob"), HttpPipelinePosition.PerRetry);
        if (configuration.GetValue<double>(FaultInjectionPolicy.Setting) is > 0 and var probability)
        {
            foreach (ClientOptions options in new ClientOptions[] { tableOptions, queueOptions, blobOptions })
                options.AddPolicy(new FaultInjectionPolicy(probability), HttpPipelinePosition.PerCall);
        }
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            Tables = new TableServiceClient(section.Value, tableOptions);
            Queues = new QueueServiceClient(section.Value, queueOptions);
            RawQueues = new QueueServiceClient(section.Value, rawQueueOptions);
            Blobs = new BlobServiceClient(section.Value, blobOptions);
            return;
        }

        var account = section["accountName"]
            ?? throw new InvalidOperationException($"Set '{ConnectionSetting}' to a connection string, or '{ConnectionSetting}__accountName' for managed identity.");
        TokenCredential credential = section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        Tables = new TableServiceClient(new Uri($"https://{account}.table.core.windows.net"), credential, tableOptions);
        Queues = new QueueServiceClient(new Uri($"https://{account}.queue.core.windows.net"), credential, queueOptions);
        RawQueues = new QueueServiceClient(new Uri($"https://{account}.queue.core.windows.net"), credential, rawQueueOptions);
        Blobs = new BlobServiceClient(new Uri($"https://{account}.blob.core.windows.net"), credential, blobOptions);
    }

    public TableServiceClient Tables { get; }
    public QueueServiceClient Queues { get; }

    /// <summary>The queues without message encoding, for messages that are not Base64.</summary>
    public QueueServiceClient RawQueues { get; }
    public BlobServiceClient Blobs { get; }
}
