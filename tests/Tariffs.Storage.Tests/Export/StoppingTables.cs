using Azure;
using Azure.Data.Tables;

namespace Tariffs.Storage.Tests.Export;

/// <summary>
/// Tables of an Azurite account whose queries of <paramref name="table"/> count the rows they serve
/// (<see cref="RowsServed"/>) and fail, as a host stopping would, when asked for a page after
/// <paramref name="pagesBeforeStop"/> pages (a page given is counted whole). Every other table is the account's.
/// </summary>
internal sealed class StoppingTables(string connectionString, string table, int pagesBeforeStop) : TableServiceClient(connectionString)
{
    private readonly string connection = connectionString;
    private readonly string stopping = table;
    private readonly int before = pagesBeforeStop;
    private int pages;
    private long rows;

    /// <summary>Rows of <c>table</c> given by queries so far.</summary>
    public long RowsServed => rows;

    public override TableClient GetTableClient(string tableName) =>
        tableName == stopping ? new StoppingTable(connection, tableName, this) : base.GetTableClient(tableName);

    private sealed class StoppingTable(string connectionString, string tableName, StoppingTables owner) : TableClient(connectionString, tableName)
    {
        public override AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
            new Pages<T>(base.QueryAsync<T>(filter, maxPerPage, select, cancellationToken), owner);
    }

    private sealed class Pages<T>(AsyncPageable<T> inner, StoppingTables owner) : AsyncPageable<T>
        where T : notnull
    {
        public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            await foreach (var page in inner.AsPages(continuationToken, pageSizeHint))
            {
                if (owner.pages++ >= owner.before)
                    throw new IOException($"the host stopped after {owner.before} pages of {owner.stopping}");
                owner.rows += page.Values.Count;
                yield return page;
            }
        }
    }
}
