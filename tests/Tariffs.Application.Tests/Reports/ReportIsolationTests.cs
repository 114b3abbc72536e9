using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tariffs.Application.Reports;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Storage;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Rejections;
using Tariffs.Storage.Reports;
using Tariffs.Storage.Tables;
using Tariffs.Testing;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Tests.Reports;

/// <summary>
/// One bad item never blocks the report: a ledger row the recompute cannot read is left out and stored as a rejection
/// under <see cref="Rejection.ReportPartition"/> with why, and a unit of cells (service, period) that storage
/// refuses is recorded the same way while the other units are saved.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportIsolationTests(AzuriteFixture azurite)
{
    private static readonly DateInterval Year = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    /// <summary>Refuses (400) every entity group transaction to the <c>reports</c> table whose body holds all of <paramref name="markers"/>.</summary>
    private sealed class RefuseReportUnit(params string[] markers) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && message.Request.Content is { } content)
            {
                using var body = new MemoryStream();
                await content.WriteToAsync(body, CancellationToken.None);
                var text = Encoding.UTF8.GetString(body.ToArray());
                if (text.Contains($"/{TableNames.Reports}(", StringComparison.Ordinal) && markers.All(m => text.Contains(m, StringComparison.Ordinal)))
                    throw new RequestFailedException(400, "the unit's cells are refused (test)", "InvalidInput", null);
            }
            await ProcessNextAsync(message, pipeline);
        }
    }

    private ServiceProvider Services(HttpPipelinePolicy? tablePolicy = null)
    {
        var tableOptions = new TableClientOptions();
        if (tablePolicy is not null)
            tableOptions.AddPolicy(tablePolicy, HttpPipelinePosition.PerCall);
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(new TableServiceClient(azurite.ConnectionString, tableOptions))
            .AddSingleton(new Azure.Storage.Queues.QueueServiceClient(azurite.ConnectionString))
            .AddSingleton(new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString))
            .AddTariffsStorage()
            .AddTariffsApplication(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
    }

    private static LineOutcome Outcome(int number, string household) =>
        new(new BillingLine(number, household, "acc", "R", true, 2, Year, 120m, "m3", "DOM", 137.60m), Currency.Eur, 137.60m, [], [], false);

    private static async Task<EquityCellEntity?> CellAsync(ReportStore reports, string service, string period, string authority)
    {
        await foreach (var cell in reports.QueryAsync(service, period, CancellationToken.None))
            if (cell.Cell.Key.Authority == authority && cell.Cell.Key.Area == "R")
                return cell;
        return null;
    }

    private static async Task<Rejection?> LeftOutAsync(IServiceProvider services, string key)
    {
        await foreach (var rejection in services.GetRequiredService<RejectionStore>().InPartitionAsync(Rejection.ReportPartition, CancellationToken.None))
            if (rejection.Key == key)
                return rejection;
        return null;
    }

    /// <summary>Stores 12 yearly lines of 12 households of a new authority, for a service of its own; returns both.</summary>
    private static async Task<(string Authority, string Service)> BillTwelveAsync(IServiceProvider services)
    {
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        var authority = "isolation-" + Guid.NewGuid().ToString("N");
        var service = "svc" + Guid.NewGuid().ToString("N")[..12];
        await services.GetRequiredService<LedgerStore>().AppendAsync(
            [.. Enumerable.Range(1, 12).Select(i => LedgerLine.Priced("b-" + authority, "op", authority, service, default, Outcome(i, $"{authority}-{i}"), null))], CancellationToken.None);
        return (authority, service);
    }

    [Fact]
    public async Task A_ledger_row_the_recompute_cannot_read_is_left_out_with_a_stored_reason_and_the_others_are_reported()
    {
        await using var services = Services();
        var (authority, service) = await BillTwelveAsync(services);
        var household = authority + "-broken";
        var (partition, row) = (LedgerKeys.PartitionOf(household, LedgerKeys.DefaultPartitions), LedgerKeys.LineKey(new LedgerLineId(household, "b-" + authority, 1)));
        await services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.Ledger).AddEntityAsync(new TableEntity(partition, row)
        {
            [nameof(LineEntity.Kind)] = LedgerKinds.Line, [nameof(LineEntity.Authority)] = authority, [nameof(LineEntity.Service)] = service,
            [nameof(LineEntity.Area)] = "R", [nameof(LineEntity.HouseholdId)] = household, [nameof(LineEntity.PeriodTo)] = "2022-02-30",
            [nameof(LineEntity.Currency)] = "EUR", [nameof(LineEntity.BilledMinor)] = 13760L, [nameof(LineEntity.StandardBillMinor)] = 13760L,
            [nameof(LineEntity.Quantity)] = "120", [nameof(LineEntity.Unit)] = "m3",
        });

        await services.GetRequiredService<EquityReportRefresh>().RebuildAsync(CancellationToken.None);

        var cell = await CellAsync(services.GetRequiredService<ReportStore>(), service, "2022", authority);
        Assert.Equal((12, 12 * 13760L), (cell!.Cell.HouseholdsBilled, cell.Cell.StandardTotalMinor));
        var leftOut = await LeftOutAsync(services, RowKeys.Join("line", partition, row));
        Assert.StartsWith("left out of the equity report: UnparsableValueException", leftOut!.Reason, StringComparison.Ordinal);
        Assert.Contains(household, leftOut.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_of_cells_storage_refuses_is_recorded_and_the_other_units_are_saved()
    {
        await using var plain = Services();
        var (authority, service) = await BillTwelveAsync(plain);
        await using var refusing = Services(new RefuseReportUnit(service, "2022-Q4"));

        await refusing.GetRequiredService<EquityReportRefresh>().RebuildAsync(CancellationToken.None);

        var reports = plain.GetRequiredService<ReportStore>();
        Assert.Equal(12, (await CellAsync(reports, service, "2022", authority))!.Cell.HouseholdsBilled);
        Assert.Equal(12, (await CellAsync(reports, service, "2022-12", authority))!.Cell.HouseholdsBilled);
        Assert.Null(await CellAsync(reports, service, "2022-Q4", authority));
        var leftOut = await LeftOutAsync(plain, RowKeys.Join("cells", service, "2022-Q4", authority));
        Assert.StartsWith("left out of the equity report: storage refused it", leftOut!.Reason, StringComparison.Ordinal);
    }
}
