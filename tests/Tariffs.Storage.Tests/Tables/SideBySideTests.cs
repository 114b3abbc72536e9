using System.Runtime.CompilerServices;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Tests.Tables;

/// <summary>Queries run side by side hand every result over exactly once, whatever their sizes; a failure or an early stop ends them all.</summary>
public sealed class SideBySideTests
{
    /// <summary>A query answering <c>count</c> results named after it, a few at a time, as pages come.</summary>
    private static async IAsyncEnumerable<string> Query(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = int.Parse(filter.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0)
                await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return $"{filter}#{i}";
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Every_result_of_every_query_arrives_once(int readers)
    {
        // Around the size of a hand-over (256) and far beyond it, and a query with nothing.
        string[] filters = ["a:0", "b:1", "c:255", "d:256", "e:257", "f:1000", "g:3"];
        var expected = filters.SelectMany(f => Enumerable.Range(0, int.Parse(f.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).Select(i => $"{f}#{i}")).ToList();

        var read = new List<string>();
        await foreach (var item in SideBySide.ReadAsync(filters, readers, Query, CancellationToken.None))
            read.Add(item);

        Assert.Equal(expected.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failing_query_fails_the_enumeration()
    {
        static async IAsyncEnumerable<string> Failing(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in Query(filter, cancellationToken))
                yield return item;
            if (filter.StartsWith('b'))
                throw new InvalidOperationException("the table is gone");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in SideBySide.ReadAsync(["a:300", "b:10", "c:300"], 2, Failing, CancellationToken.None))
            {
            }
        });
        Assert.Equal("the table is gone", error.Message);
    }

    [Fact]
    public async Task A_reader_that_stops_early_stops_the_queries()
    {
        var running = 0;
        async IAsyncEnumerable<string> Endless(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref running);
            try
            {
                for (var i = 0; ; i++)
                {
                    await Task.Delay(1, cancellationToken);
                    yield return $"{filter}#{i}";
                }
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        var read = await Task.Run(async () =>
        {
            var n = 0;
            await foreach (var _ in SideBySide.ReadAsync(["a", "b"], 2, Endless, CancellationToken.None))
                if (++n == 600)
                    break;
            return n;
        }).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(600, read);
        Assert.Equal(0, running);
    }
}
