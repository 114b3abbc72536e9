using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Tariffs.EndToEnd.Tests;

/// <summary>A running service under test: its HTTP entry (with the function key) and its storage account.</summary>
public interface ITariffsService
{
    HttpClient Authorised { get; }
    string ConnectionString { get; }
    TableServiceClient Tables { get; }
    QueueClient Queue(string name);
}
