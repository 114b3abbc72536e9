using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tariffs.Application.Reports;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;
using Tariffs.Storage;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Reports;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Reports;

/// <summary>
/// A rebuild re-projects every line and removes the packed copies stored before it started: on Table storage (Azurite),
/// lines projected by two chunks are each held by exactly one pack after a rebuild, not by the chunk's and the
/// rebuild's, and the unit still reads every line once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportRebuildCopiesTests(AzuriteFixture azurite)
{
    private static readonly DateInterval Year = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    [Fact]
    public async Task After_a_rebuild_each_line_of_two_chunks_is_in_one_pack()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(new TableServiceClient(azurite.ConnectionString))
            .AddSingleton(new Azure.Storage.Queues.QueueServiceClient(azurite.ConnectionString))
            .AddSingleton(new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString))
            .AddTariffsStorage()
            .AddTariffsApplication(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        var authority = "copies-" + Guid.NewGuid().ToString("N")[..12];
        // Two chunks whose households interleave in key order: a rebuild packs their lines together, so under other names.
        foreach (var (batch, first) in new[] { ("b-1", 0), ("b-2", 1) })
        {
            var lines = Enumerable.Range(0, 300).Select(i => LedgerLine.Priced(batch, "op", authority, "water", default,
                new LineOutcome(new BillingLine(i + 1, $"hh-{2 * i + first:D4}", "acc", "R", true, 2, Year, 120m, "m3", "DOM", 137.60m), Currency.Eur, 137.60m, [], [], false), null)).ToList();
            await services.GetRequiredService<LedgerStore>().AppendAsync(lines, CancellationToken.None);
            await services.GetRequiredService<ReportChanges>().ProjectAsync(lines, [], CancellationToken.None);
        }
        Assert.Equal(600, await PackedLinesAsync(services, authority, distinct: false));

        await services.GetRequiredService<EquityReportRefresh>().RebuildAsync(CancellationToken.None);

        Assert.Equal(600, await PackedLinesAsync(services, authority, distinct: false));
        Assert.Equal(600, await PackedLinesAsync(services, authority, distinct: true));
        var read = 0;
        await foreach (var line in services.GetRequiredService<ReportLineStore>().ReadUnitAsync(new ReportUnit(authority, "water", 2022), CancellationToken.None))
            read += line.Line is null ? 0 : 1;
        Assert.Equal(600, read);
    }

    /// <summary>The entries of the authority's packs (or the distinct lines among them).</summary>
    private static async Task<int> PackedLinesAsync(IServiceProvider services, string authority, bool distinct)
    {
        var keys = new List<string>();
        var table = services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.ReportLines);
        await foreach (var pack in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Authority eq {authority}")))
            keys.AddRange(JsonDocument.Parse(pack.GetString("Lines")).RootElement.EnumerateArray().Select(l => l[0].GetString()!));
        return distinct ? keys.Distinct().Count() : keys.Count;
    }
}
