using Azure.Storage.Queues;

namespace Tariffs.EndToEnd.Tests;

/// <summary>Storage clients as the service configures them (Base64 queue messages).</summary>
public static class Storage
{
    public static QueueClient Queue(string connectionString, string name) =>
        new(connectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
}
