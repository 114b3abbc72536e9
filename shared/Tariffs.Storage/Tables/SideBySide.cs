using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Tariffs.Storage.Tables;

/// <summary>
/// Runs several queries side by side and yields their results as they come (handed over a batch at a time), so that
/// handling one page overlaps fetching the next.
/// </summary>
public static class SideBySide
{
    /// <summary>Results handed from a query to the reader at once: one hand-over per batch, not per result.</summary>
    private const int Batch = 256;

    /// <summary>Batches waiting for the reader (<see cref="Batch"/> results each) before the queries wait.</summary>
    private const int Waiting = 16;

    /// <summary>
    /// The results of <paramref name="query"/> over every one of <paramref name="filters"/>, at most
    /// <paramref name="readers"/> queries at a time, in no particular order across queries. A failing query fails the
    /// enumeration; a caller that stops early stops the queries too.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(IEnumerable<string> filters, int readers, Func<string, CancellationToken, IAsyncEnumerable<T>> query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(Waiting) { SingleReader = true });
        var reading = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(filters, new ParallelOptions { MaxDegreeOfParallelism = readers, CancellationToken = stop.Token }, async (filter, token) =>
                {
                    var batch = new List<T>(Batch);
                    await foreach (var item in query(filter, token).ConfigureAwait(false))
                    {
                        batch.Add(item);
                        if (batch.Count == Batch)
                        {
                            await channel.Writer.WriteAsync([.. batch], token).ConfigureAwait(false);
                            batch.Clear();
                        }
                    }
                    if (batch.Count > 0)
                        await channel.Writer.WriteAsync([.. batch], token).ConfigureAwait(false);
                }).ConfigureAwait(false);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e); // the reader below throws it
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                foreach (var item in batch)
                    yield return item;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(false);
        }
    }
}
