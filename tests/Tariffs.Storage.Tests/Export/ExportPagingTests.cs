using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tariffs.Storage.Export;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Storage.Tests.Export;

/// <summary>
/// A table of large rows exported on Azurite (<see cref="StorageExporter.ExportTableAsync"/>): the pages it reads are
/// sized in bytes, not rows — no response of the query holds more than about 1 MB of rows although the table holds 4 MB
/// that one 1,000-row page would bring at once (the SDK keeps a page in memory several times over: the export's memory
/// would follow the size of the rows) — and the file holds every row once, in key order.
/// </summary>
public sealed class ExportPagingTests : IAsyncLifetime
{
    private const int Rows = 400;
    private const int RowChars = 10_000;
    private readonly AzuriteFixture azurite = new();
    private readonly string work = Path.Combine(Path.GetTempPath(), "tariffs-export-paging-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(TableNames.ReportLines);
        await table.CreateIfNotExistsAsync();
        foreach (var chunk in Enumerable.Range(1, Rows).Select(i => new TableEntity("p", $"{i:D5}") { ["Lines"] = new string((char)('a' + i % 26), RowChars) }).Chunk(100))
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
    }

    public async Task DisposeAsync()
    {
        await azurite.DisposeAsync();
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
    }

    [Fact]
    public async Task A_table_of_large_rows_is_read_in_pages_of_about_a_megabyte_and_exported_whole_in_key_order()
    {
        var responses = new ResponseSizes();
        var options = new TableClientOptions();
        options.AddPolicy(responses, HttpPipelinePosition.PerRetry);
        var connection = azurite.ConnectionString;
        var exporter = new StorageExporter(new TableServiceClient(connection, options), new BlobServiceClient(connection), new QueueServiceClient(connection));

        var file = await exporter.ExportTableAsync(work, TableNames.ReportLines, CancellationToken.None);

        Assert.Equal(Rows, file.Rows);
        var rows = File.ReadAllLines(Path.Combine(work, file.Path)).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(Enumerable.Range(1, Rows).Select(i => $"{i:D5}"), rows.Select(r => r.GetProperty("RowKey").GetString()));
        Assert.All(rows, r => Assert.Equal(RowChars, r.GetProperty("Lines").GetString()!.Length));
        // 4 MB of rows: the first page asks for 100 rows (about 1 MB), the next ones for as many as fit 1 MB.
        Assert.InRange(responses.Sizes.Count, 4, 6);
        Assert.All(responses.Sizes, size => Assert.InRange(size, 1, 1_300_000));
    }

    /// <summary>The body size of every query response, as the SDK buffered it.</summary>
    private sealed class ResponseSizes : HttpPipelineSynchronousPolicy
    {
        public List<long> Sizes { get; } = [];

        public override void OnReceivedResponse(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Get && message.Response.ContentStream is { CanSeek: true } body)
                lock (Sizes)
                    Sizes.Add(body.Length);
        }
    }
}
