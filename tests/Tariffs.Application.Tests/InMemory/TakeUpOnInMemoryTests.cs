using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using Tariffs.Application.Billing;
using Tariffs.Application.Catalog;
using Tariffs.Application.Contracts;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Intake;
using Tariffs.Application.Messages;
using Tariffs.Application.Reports;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Reports;
using Tariffs.Testing;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.InMemory;

/// <summary>
/// Issue 14 item 5 on the in-memory adapters: the report splits eligible households by how they became eligible and
/// counts the take-up gap. The chèque énergie catalog with criteria (samples/catalogs/cheque-energie-criteria.json,
/// one person, main residence: income 7,000 € → eligible, 98 € for a line over 2024; 20,000 € → not eligible), five
/// households billed over 2024 in area A1:
/// <list type="bullet">
/// <item>h-facts: facts 7,000 € → determined, paid 98 € (received);</item>
/// <item>h-flag: an agency flag carrying income 7,000 €, facts 20,000 € → flagged only, paid 98 €;</item>
/// <item>h-both: facts 7,000 € and a flag → both (the agency's window prices it), paid 98 €;</item>
/// <item>h-revoked: facts 7,000 €, the agency revoked the program from 1 January → determined, received nothing: the gap;</item>
/// <item>h-none: facts 20,000 € → neither.</item>
/// </list>
/// So: billed 5, eligible 3 (flag, facts, both), received 3, determined 3 (facts, both, revoked), flagged 2 (flag,
/// both), determined and received nothing 1 (revoked).
/// </summary>
public sealed class TakeUpOnInMemoryTests : IDisposable
{
    private const string Program = "cheque-energie-auto";
    private static readonly LocalDate January1 = new(2024, 1, 1);
    private static readonly DateInterval Year2024 = new(January1, new LocalDate(2024, 12, 31));
    private static readonly BatchHeader Header = new("b-2024", "edf", "france-etat-auto", "electricity", "EUR");
    private static readonly string[] Households = ["h-facts", "h-flag", "h-both", "h-revoked", "h-none"];
    private readonly FakeClock clock = new(Instant.FromUtc(2025, 1, 10, 8, 0));
    private readonly InMemoryTariffs app;

    public TakeUpOnInMemoryTests() => app = new InMemoryTariffs(clock);

    public void Dispose() => app.Dispose();

    private async Task PublishAsync()
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalogs", "cheque-energie-criteria.json")))!;
        Assert.Empty((await app.Get<CatalogRepository>().PublishAsync(catalog.ToJsonString(), CancellationToken.None)).Errors);
    }

    private async Task FactsAsync(string household, decimal income)
    {
        Assert.Null(await app.Get<HouseholdFactsHandler>().HandleAsync(Messages.Facts("facts-" + household, household, January1, income), "m-f-" + household, CancellationToken.None));
        clock.AdvanceMinutes(1);
    }

    private async Task FlagAsync(string household)
    {
        var facts = new HouseholdFactsMessage { AsOf = January1, AnnualIncome = 7000m, IncomeReferenceYear = 2022, Persons = 1 };
        Assert.Null(await app.Get<EligibilityFlagHandler>().HandleAsync(Messages.Flag("flag-" + household, household, Program, January1, null, new LocalDate(2023, 12, 15), facts),
            "m-g-" + household, CancellationToken.None));
        clock.AdvanceMinutes(1);
    }

    private async Task StateTheCaseAsync()
    {
        await PublishAsync();
        await FactsAsync("h-facts", 7000m);
        await FactsAsync("h-flag", 20000m);
        await FlagAsync("h-flag");
        await FactsAsync("h-both", 7000m);
        await FlagAsync("h-both");
        await FactsAsync("h-revoked", 7000m);
        Assert.Null(await app.Get<EligibilityFlagHandler>().HandleAsync(
            Messages.Revocation("r-revoked", "h-revoked", Program, January1, new LocalDate(2023, 12, 15)), "m-r", CancellationToken.None));
        await FactsAsync("h-none", 20000m);
        app.Queues.Take(QueueNames.HouseholdRecompute); // nothing is billed yet
    }

    private async Task PriceAsync()
    {
        await app.Get<ChunkProcessor>().ProcessAsync(Header, 0, 0,
            Messages.Chunk(Households.Select((h, i) => Messages.Line(i + 1, h, 1, Year2024, 1000, "kWh", "BASE", 250.00m))), CancellationToken.None);
        clock.AdvanceMinutes(1);
    }

    private async Task<EquityCell> YearTotalAsync()
    {
        await app.Get<EquityReportRefresh>().RefreshAsync(CancellationToken.None);
        var cells = new List<EquityCell>();
        await foreach (var entity in app.ReportCells.QueryAsync("electricity", "2024", CancellationToken.None))
            cells.Add(entity.Cell);
        return Assert.Single(cells, c => c.Key.Area == "*");
    }

    [Fact]
    public async Task The_ledger_records_per_program_how_each_line_was_priced()
    {
        await StateTheCaseAsync();

        await PriceAsync();

        var bases = new Dictionary<string, (EligibilityBasis? Basis, long Paid)>();
        foreach (var (household, number) in Households.Select((h, i) => (h, i + 1)))
        {
            var line = (await app.Ledger.ReadLineAsync(new LedgerLineId(household, Header.BatchId, number), CancellationToken.None))!;
            bases[household] = (line.Basis, line.PaymentsMinor);
        }
        Assert.Equal([new ProgramBasis(Program, EligibilityWays.Determined)], bases["h-facts"].Basis!.Programs);
        Assert.Equal([new ProgramBasis(Program, EligibilityWays.Flagged)], bases["h-flag"].Basis!.Programs);
        Assert.Equal([new ProgramBasis(Program, EligibilityWays.Both)], bases["h-both"].Basis!.Programs);
        Assert.Equal([new ProgramBasis(Program, EligibilityWays.Determined)], bases["h-revoked"].Basis!.Programs);
        Assert.Empty(bases["h-none"].Basis!.Programs);
        Assert.Equal([9_800L, 9_800L, 9_800L, 0L, 0L], Households.Select(h => bases[h].Paid));
    }

    [Fact]
    public async Task The_report_counts_households_determined_flagged_and_determined_who_received_nothing()
    {
        await StateTheCaseAsync();

        await PriceAsync();
        var total = await YearTotalAsync();

        Assert.Equal((5, 3, 3), (total.HouseholdsBilled, total.HouseholdsEligible, total.HouseholdsReceived));
        Assert.Equal((3, 2, 1), (total.HouseholdsDetermined, total.HouseholdsFlagged, total.HouseholdsDeterminedNotReceived));
    }

    [Fact]
    public async Task A_late_statement_s_correction_records_the_basis_it_establishes_and_the_report_follows()
    {
        await PublishAsync();
        await PriceAsync();
        var before = await YearTotalAsync();
        Assert.Equal((5, 0, 0, 0), (before.HouseholdsBilled, before.HouseholdsDetermined, before.HouseholdsFlagged, before.HouseholdsDeterminedNotReceived));

        await FactsAsync("h-facts", 7000m);
        foreach (var message in app.Queues.Take(QueueNames.HouseholdRecompute))
            await app.Get<HouseholdRecomputer>().HandleMessageAsync(message.Body, CancellationToken.None);

        var line = (await app.Ledger.ReadLineAsync(new LedgerLineId("h-facts", Header.BatchId, 1), CancellationToken.None))!;
        Assert.Empty(line.PricedBasis!.Programs);
        var correction = Assert.Single(line.Items);
        Assert.Equal((1, 9_800L), (correction.Sequence, correction.AmountMinor));
        Assert.Equal([new ProgramBasis(Program, EligibilityWays.Determined)], correction.Basis!.Programs);
        var after = await YearTotalAsync();
        Assert.Equal((1, 0, 0, 1), (after.HouseholdsDetermined, after.HouseholdsFlagged, after.HouseholdsDeterminedNotReceived, after.HouseholdsReceived));
    }
}
