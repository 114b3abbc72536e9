using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Storage.Ledger;
using Tariffs.Testing;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// What the shape of a ledger line row costs Azurite (<c>--mode rows</c>): <c>--rows N</c> (100,000) line rows, one
/// yearly line per household, encoded by <see cref="LedgerRowCodec"/> as the ledger stores them (<c>packed</c>: the
/// columns queries filter on apart, the others in <see cref="LineEntity.Details"/>) and as many rows with every column
/// apart (<c>apart</c>: <see cref="LineDetails.Unpack"/>, as rows were stored before 2026-12-07), each shape into its
/// own table of one fresh Azurite, a chunk of 2,000 of each in turn, written as a chunk writes them (4 writers,
/// transactions of 100 of one partition, keys as the ledger's); <c>--samples N</c> (3) fresh Azurites. Prints each
/// shape's rows/s and Azurite CPU per row (its process's user + system time), and their ratio's median.
/// </summary>
public static class RowShapeProbe
{
    private const int Writers = 4;

    public static async Task RunAsync(Options options)
    {
        var rows = options.Int("rows", 100_000);
        var samples = options.Int("samples", 3);
        var ratios = new List<double>();
        for (var sample = 1; sample <= samples; sample++)
        {
            var (packed, apart) = await SampleAsync(rows);
            ratios.Add(packed.CpuMicroseconds / apart.CpuMicroseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{DateTime.UtcNow:HH:mm:ss} sample {sample}: packed {packed.RowsPerSecond:N0} rows/s, {packed.CpuMicroseconds:N1} µs of Azurite CPU per row; apart {apart.RowsPerSecond:N0} rows/s, {apart.CpuMicroseconds:N1} µs; packed ÷ apart CPU {ratios[^1]:N2}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"packed ÷ apart, Azurite CPU per row: median {Median(ratios):N2} (min {ratios.Min():N2}, max {ratios.Max():N2}) over {samples} samples"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// One fresh Azurite, two tables growing side by side: chunk after chunk of each shape in turn (the order swapped
    /// every chunk), Azurite's CPU and the wall time of each chunk added to its shape's, so that what the machine does
    /// meanwhile weighs on both alike.
    /// </summary>
    private static async Task<((double RowsPerSecond, double CpuMicroseconds) Packed, (double RowsPerSecond, double CpuMicroseconds) Apart)> SampleAsync(int count)
    {
        await using var azurite = new AzuriteFixture { HeapMegabytes = 16_384 };
        await azurite.InitializeAsync();
        var service = new TableServiceClient(azurite.ConnectionString);
        // Warm Azurite's code paths (not measured), as the raw insert yardstick does.
        await WriteAsync(service.GetTableClient("warmup"), [.. Chunks(5_000, "warm", apart: false).SelectMany(c => c)]);
        var tables = new[] { service.GetTableClient("packed"), service.GetTableClient("apart") };
        var chunks = new[] { Chunks(count, "p", apart: false), Chunks(count, "a", apart: true) };
        var cpu = new TimeSpan[2];
        var wall = new TimeSpan[2];
        using var storage = Process.GetProcessById(azurite.ProcessId!.Value);
        for (var c = 0; c < chunks[0].Count; c++)
        {
            foreach (var shape in c % 2 == 0 ? new[] { 0, 1 } : [1, 0])
            {
                storage.Refresh();
                var before = storage.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                await WriteAsync(tables[shape], chunks[shape][c]);
                wall[shape] += watch.Elapsed;
                storage.Refresh();
                cpu[shape] += storage.TotalProcessorTime - before;
            }
        }
        return ((count / wall[0].TotalSeconds, cpu[0].TotalMicroseconds / count), (count / wall[1].TotalSeconds, cpu[1].TotalMicroseconds / count));
    }

    /// <summary>The rows of <paramref name="count"/> priced yearly lines of distinct households, by chunk of 2,000 lines, each in transactions as a chunk writes them.</summary>
    private static List<List<List<TableEntity>>> Chunks(int count, string prefix, bool apart)
    {
        var year = new DateInterval(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));
        var pricedAt = SystemClock.Instance.GetCurrentInstant();
        var random = new Random(7);
        var rows = new List<TableEntity>(count);
        for (var i = 0; i < count; i++)
        {
            var household = $"{prefix}-household-{random.Next(10_000_000):D7}-{i}";
            var line = new BillingLine(i + 1, household, $"account-{i:D7}", $"area-{i % 40:D2}", true, 1 + i % 5, year, 95.5m, "m3", "DOM", 137.60m);
            var row = LedgerRowCodec.EncodeLine(LedgerLine.Priced($"{prefix}-batch-2022", "op", "dunkerque", "water", pricedAt,
                new LineOutcome(line, Currency.Eur, 137.60m, [], [], false), null, EligibilityBasis.None), LedgerKeys.DefaultPartitions);
            if (apart)
                LineDetails.Unpack(row);
            rows.Add(row);
        }
        // As chunks of 2,000 lines are written: each chunk's rows by partition, in key order, 100 to a transaction.
        return [.. rows.Chunk(2_000).Select(chunk => chunk.GroupBy(r => r.PartitionKey)
            .SelectMany(p => p.OrderBy(r => r.RowKey, StringComparer.Ordinal).Chunk(100).Select(c => c.ToList())).ToList())];
    }

    private static async Task WriteAsync(TableClient table, List<List<TableEntity>> transactions)
    {
        await table.CreateIfNotExistsAsync();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            for (var t = Interlocked.Increment(ref next); t < transactions.Count; t = Interlocked.Increment(ref next))
                await table.SubmitTransactionAsync(transactions[t].Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        }));
    }
}
