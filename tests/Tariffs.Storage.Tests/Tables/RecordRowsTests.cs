using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Deliveries;
using Tariffs.Storage.Events;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Storage.Tests.Tables;

/// <summary>
/// The stored format of the rows that hold a port's plain record (batch header, chunk, failed delivery, service event):
/// exactly these columns, of these types (as read back: int = Edm.Int32, long = Edm.Int64, DateTimeOffset =
/// Edm.DateTime), under these keys — what the typed entity classes stored before the records became the rows' one
/// declaration, and what rows already stored hold.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecordRowsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2022, 5, 1, 8, 30, 0, TimeSpan.Zero);

    private async Task<TableServiceClient> ServiceAsync(string table)
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(table);
        return service;
    }

    private static async Task<TableEntity> RowAsync(TableServiceClient service, string table, string partitionKey, string rowKey) =>
        (await service.GetTableClient(table).GetEntityAsync<TableEntity>(partitionKey, rowKey)).Value;

    /// <summary>The row's columns (system properties left out), each with its value's type and value.</summary>
    private static List<(string Column, Type Type, object? Value)> Columns(TableEntity row) =>
        [.. row.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order(StringComparer.Ordinal)
            .Select(k => (k, row[k]?.GetType() ?? typeof(void), row[k]))];

    [Fact]
    public async Task A_batch_header_and_a_chunk_are_stored_as_before()
    {
        var service = await ServiceAsync(TableNames.Batches);
        var store = new BatchStore(service);
        var batchId = $"rows-{Guid.NewGuid():N}";

        await store.SaveHeaderAsync(new BatchRecord
        {
            BatchId = batchId, Operator = "op", Authority = "dunkerque", Service = "water", Currency = "EUR", BlobName = "b.json", Lines = 3, Chunks = 2,
            ReceivedAt = At, Refusal = "", ContentHash = "ab", Split = false,
        }, CancellationToken.None);
        await store.SaveChunkAsync(batchId, new ChunkRecord { Chunk = 1, Lines = 2, Priced = 1, Rejected = 1, Adjustments = 4, Failed = 0, FailureReason = "", CompletedAt = At },
            CancellationToken.None);

        Assert.Equal(
        [
            ("Authority", typeof(string), "dunkerque"), ("BlobName", typeof(string), "b.json"), ("Chunks", typeof(int), 2), ("ContentHash", typeof(string), "ab"),
            ("Currency", typeof(string), "EUR"), ("Lines", typeof(int), 3), ("Operator", typeof(string), "op"), ("ReceivedAt", typeof(DateTimeOffset), At),
            ("Refusal", typeof(string), ""), ("Service", typeof(string), "water"), ("Split", typeof(bool), false),
        ], Columns(await RowAsync(service, TableNames.Batches, batchId, "header")));
        Assert.Equal(
        [
            ("Adjustments", typeof(int), 4), ("Chunk", typeof(int), 1), ("CompletedAt", typeof(DateTimeOffset), At), ("Failed", typeof(int), 0),
            ("FailureReason", typeof(string), ""), ("Lines", typeof(int), 2), ("Priced", typeof(int), 1), ("Rejected", typeof(int), 1),
        ], Columns(await RowAsync(service, TableNames.Batches, batchId, "chunk|000001")));
    }

    [Fact]
    public async Task A_failed_delivery_is_stored_as_before_its_version_being_the_etag()
    {
        var service = await ServiceAsync(TableNames.Deliveries);
        var store = new DeliveryStore(service);
        var op = $"op-{Guid.NewGuid():N}";

        await store.SaveFailedAsync(new FailedDelivery { Operator = op, DeliveryId = "d1", Payload = "{}", Attempts = 3, LastError = "503", FirstFailedAt = At, Version = "ignored" },
            CancellationToken.None);

        var expected = new List<(string, Type, object?)>
        {
            ("Attempts", typeof(int), 3), ("DeliveryId", typeof(string), "d1"), ("FirstFailedAt", typeof(DateTimeOffset), At), ("LastError", typeof(string), "503"),
            ("Operator", typeof(string), op), ("Payload", typeof(string), "{}"),
        };
        Assert.Equal(expected, Columns(await RowAsync(service, TableNames.Deliveries, op, "d1")).Where(c => c.Column != "DeliveredAt"));
        var pending = Assert.Single(await store.PendingAsync(CancellationToken.None), d => d.Operator == op);
        Assert.Equal((await RowAsync(service, TableNames.Deliveries, op, "d1")).ETag.ToString(), pending.Version);

        await store.MarkDeliveredAsync(pending, At.AddHours(1), CancellationToken.None);
        expected.Insert(1, ("DeliveredAt", typeof(DateTimeOffset), At.AddHours(1)));
        Assert.Equal(expected, Columns(await RowAsync(service, TableNames.Deliveries, op, "d1")));
    }

    [Fact]
    public async Task A_service_event_is_stored_as_before_and_read_back_with_where_and_when()
    {
        var service = await ServiceAsync(TableNames.Events);
        var store = new ServiceEventStore(service);
        var authority = $"auth-{Guid.NewGuid():N}";

        await store.AddAsync(new StoredServiceEvent
        {
            Kind = StoredServiceEvent.CompensationKind, Authority = authority, Service = "water", Area = "A", HouseholdId = "hh-1", Date = "2022-05-01",
            Currency = "EUR", CompensationMinor = 2_500, Verdict = "", RuleId = "r", LegalReference = "L",
        }, "incident-1", CancellationToken.None);

        var row = await RowAsync(service, TableNames.Events, authority + "|water", "compensation|incident-1");
        Assert.Equal(
        [
            ("Area", typeof(string), "A"), ("Authority", typeof(string), authority), ("CompensationMinor", typeof(long), 2_500L), ("Currency", typeof(string), "EUR"),
            ("Date", typeof(string), "2022-05-01"), ("HouseholdId", typeof(string), "hh-1"), ("Kind", typeof(string), "compensation"),
            ("LegalReference", typeof(string), "L"), ("RuleId", typeof(string), "r"), ("Service", typeof(string), "water"), ("Verdict", typeof(string), ""),
        ], Columns(row));
        var read = Assert.Single(await store.AllAsync(CancellationToken.None).ToListAsync(), e => e.Authority == authority);
        Assert.Equal([row.PartitionKey, row.RowKey], read.Address);
        Assert.Equal((row.Timestamp, 2_500L), (read.StoredAt, read.CompensationMinor));
    }
}
