using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace Tariffs.Storage.Export;

/// <summary>
/// A whole table read page by page for an export, each page sized in bytes rather than rows: the storage client keeps a
/// whole page in memory several times over (the response, its parse, the entities), and rows range from 1 KB (a ledger
/// line) to 60 KB (a pack of report lines), so a fixed 1,000 rows a page would make the peak follow the largest rows.
/// </summary>
public static class TablePages
{
    /// <summary>Rows asked for in a table's first page, before the size of its rows is known.</summary>
    private const int FirstPageRows = 100;

    /// <summary>About how many bytes of rows (as written) a page holds.</summary>
    private const long PageBytes = 1 << 20;

    /// <summary>
    /// The pages of <paramref name="table"/> from <paramref name="continuation"/> (null: its first row), one query per
    /// page, each asking for as many rows as fit <see cref="PageBytes"/> at the size the caller wrote the previous
    /// page's rows in (<paramref name="written"/>: the caller's bytes written so far, read after each page). A table
    /// never created throws <see cref="RequestFailedException"/> 404 on the first page.
    /// </summary>
    public static async IAsyncEnumerable<Page<TableEntity>> ReadAsync(TableClient table, string? continuation, Func<long> written,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var perPage = FirstPageRows;
        do
        {
            Page<TableEntity>? next = null;
            await foreach (var page in table.QueryAsync<TableEntity>(maxPerPage: perPage, cancellationToken: cancellationToken).AsPages(continuation, perPage).ConfigureAwait(false))
            {
                next = page;
                break;
            }
            if (next is null)
                yield break;
            var before = written();
            yield return next;
            continuation = next.ContinuationToken;
            if (next.Values.Count > 0)
                perPage = (int)Math.Clamp(PageBytes * next.Values.Count / Math.Max(written() - before, 1), 1, 1000);
        }
        while (continuation is not null);
    }
}
