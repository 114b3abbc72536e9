using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using Tariffs.Application.Catalog;
using Tariffs.Application.Messages;
using Tariffs.Application.Ports;
using Tariffs.Application.Simulations;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Testing;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Simulations;

/// <summary>
/// A simulation priced with the eligibility pricing applies: no flag anywhere, every household's eligibility determined
/// from its stored facts by the criteria of the chèque énergie sample (samples/catalogs/cheque-energie-criteria.json:
/// income per consumption unit under 10,800 € in 2024, main residence; one person = 1 unit), now by the published
/// catalog's criteria and under the draft by the draft's. Figures by hand, for a year (column 1 unit): 11 households of
/// income 6,000 (row from 5,600: 146.00 each), one of 7,000 (row from 6,700: 98.00), one of 11,000 (not under 10,800:
/// nothing). Now: 13 households, 12 eligible and receiving, 11 × 146 + 98 = 1,704.00. Each household's year is billed
/// in two lines (January–June, 182 of 366 days; July–December, 184 days), whose payments add up to the year's:
/// 146 → 72.60 + 73.40, 98 → 48.73 + 49.27, 48 → 23.87 + 24.13. Chunks checkpoint after every line they can, so a
/// household's two lines would fall in two segments if a checkpoint could cut a household. k is 1 here so that single
/// households' counts show.
/// </summary>
public sealed class SimulationCriteriaTests : IDisposable
{
    private static readonly string Published = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalogs", "cheque-energie-criteria.json"));
    private readonly InMemoryTariffs app = new(new FakeClock(Instant.FromUtc(2025, 2, 1, 8, 0)), new Dictionary<string, string?>
    {
        ["Tariffs:Reports:SuppressionThreshold"] = "1", ["Tariffs:Simulations:CheckpointLines"] = "1",
    });

    public SimulationCriteriaTests()
    {
        var catalog = app.Get<CatalogRepository>().PublishAsync(Published, CancellationToken.None).GetAwaiter().GetResult().Catalog!;
        var households = Enumerable.Range(0, 11).Select(i => ($"low-{i}", 6_000m)).Append(("middle", 7_000m)).Append(("high", 11_000m)).ToList();
        var lines = new List<LedgerLine>();
        foreach (var (household, income) in households)
        {
            var facts = new HouseholdFacts(new LocalDate(2024, 1, 1), income, 2022, 1, MainResidence: true);
            app.HouseholdFacts.SaveAsync(household, new StoredFacts("facts-" + household, facts, "caf", "ev-" + household, Instant.FromUtc(2024, 1, 2, 0, 0)), CancellationToken.None)
                .GetAwaiter().GetResult();
            foreach (var half in new DateInterval[] { new(new LocalDate(2024, 1, 1), new LocalDate(2024, 6, 30)), new(new LocalDate(2024, 7, 1), new LocalDate(2024, 12, 31)) })
            {
                var line = new BillingLine(lines.Count + 1, household, "acc-" + household, "A1", true, 1, half, 500m, "kWh", "BASE", 125.00m);
                lines.Add(LedgerLine.Priced("b-2024", "edf", "france-etat-auto", "electricity", Instant.FromUtc(2025, 1, 5, 8, 0), TariffEngine.Price(line, catalog, []), null));
            }
        }
        Assert.Empty(app.Ledger.AppendAsync(lines, CancellationToken.None).GetAwaiter().GetResult().Refused);
    }

    public void Dispose() => app.Dispose();

    private SimulationRunner Runner => app.Get<SimulationRunner>();

    /// <summary>The sample with the 2021 threshold of its criterion set to <paramref name="threshold"/>, and the scale's row of zeros moved to <paramref name="zeroFrom"/>.</summary>
    private static string Draft(int threshold, int zeroFrom)
    {
        var draft = Published
            .Replace("\"threshold\": 10800, \"comparison\": \"under\"", $"\"threshold\": {threshold}, \"comparison\": \"under\"", StringComparison.Ordinal)
            .Replace("{ \"from\": 10800, \"amounts\": [0, 0, 0] }", $"{{ \"from\": {zeroFrom}, \"amounts\": [0, 0, 0] }}", StringComparison.Ordinal);
        Assert.NotEqual(Published, draft);
        return draft;
    }

    private async Task<(SimulationCell Cell, IReadOnlyList<HouseholdChange> Households)> SimulateAsync(string draft)
    {
        var (id, errors) = await Runner.StartAsync(new JsonObject
        {
            ["authority"] = "france-etat-auto", ["service"] = "electricity", ["from"] = "2024-01-01", ["to"] = "2024-12-31", ["draft"] = JsonNode.Parse(draft),
        }.ToJsonString(), CancellationToken.None);
        Assert.Empty(errors);
        while (app.Queues.Take(QueueNames.Simulations) is { Count: > 0 } messages)
            foreach (var message in messages)
                await Runner.HandleMessageAsync(message.Body, 1, CancellationToken.None);
        var status = (await Runner.StatusAsync(id!, CancellationToken.None))!;
        Assert.Equal((SimulationState.Completed, 26L, 0L), (status.State, status.LinesDone, status.LinesRefused));
        var page = (await Runner.HouseholdsAsync(id!, 0, 100, CancellationToken.None))!.Value.Page;
        return (status.Cells!.Single(c => c.Area == "A1"), [.. page.Where(h => h.Area == "A1")]);
    }

    [Fact]
    public async Task A_threshold_raised_in_the_draft_grants_a_household_no_flag_names_its_gain_computed_by_hand()
    {
        // Under 12,000 the household of 11,000 is eligible: with the zero row moved to 12,000, row from 7,700: 48.00.
        var (cell, households) = await SimulateAsync(Draft(12_000, 12_000));

        Assert.Equal((13, 1_704.00m, 1_752.00m), (cell.Households, cell.SocialCostNow, cell.SocialCostDraft));
        Assert.Equal((12, 13, 12, 13), (cell.EligibleNow, cell.EligibleDraft, cell.ReceivingNow, cell.ReceivingDraft));
        Assert.Equal((1.0, 1.0), (cell.TakeUpNow, cell.TakeUpDraft));
        Assert.Equal((1, 0, 12), (cell.BetterOff, cell.WorseOff, cell.Unchanged));
        Assert.Equal(1, cell.Bands["better off 10 to 50"]);
        var high = households.Single(h => h.HouseholdId == "high");
        Assert.Equal((0m, 48.00m, -48.00m), (high.SocialNow, high.SocialDraft, high.Change));
        Assert.Equal((146.00m, 146.00m), households.Where(h => h.HouseholdId == "low-0").Select(h => (h.SocialNow, h.SocialDraft)).Single());
    }

    [Fact]
    public async Task A_threshold_lowered_in_the_draft_takes_the_program_away_from_a_household_over_it()
    {
        // Under 6,900 the household of 7,000 is no longer eligible: it loses its 98.00; those of 6,000 keep 146.00.
        var (cell, households) = await SimulateAsync(Draft(6_900, 10_800));

        Assert.Equal((13, 1_704.00m, 1_606.00m), (cell.Households, cell.SocialCostNow, cell.SocialCostDraft));
        Assert.Equal((12, 11, 12, 11), (cell.EligibleNow, cell.EligibleDraft, cell.ReceivingNow, cell.ReceivingDraft));
        Assert.Equal((0, 1, 12), (cell.BetterOff, cell.WorseOff, cell.Unchanged));
        Assert.Equal(1, cell.Bands["worse off over 50"]);
        var middle = households.Single(h => h.HouseholdId == "middle");
        Assert.Equal((98.00m, 0m, 98.00m), (middle.SocialNow, middle.SocialDraft, middle.Change));
    }
}
