using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tariffs.Domain.Ledger;
using Tariffs.Testing;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// Automatic social tariffs on the local host: social services send household facts, never a flag; the chèque
/// énergie catalog's criteria (samples/catalogs/cheque-energie-criteria.json) determine eligibility. One person, main
/// residence, income 7,000 € per unit in 2024: 7,000 &lt; 10,800 → eligible all year; scale row from 6,700, column 1
/// unit → 98.00 € paid for a line over all of 2024. Facts sent before the batch price the line; facts sent after it
/// correct it by exactly 98.00 €. A third household meets the criteria too but its agency revoked the program from
/// 1 January (the agency's decision wins): it receives nothing — the take-up gap the report counts. The ledger records
/// each line's basis (determined), the report splits: 3 billed, 2 eligible, 2 received, 3 determined, 0 flagged, 1
/// determined who received nothing.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class EligibilityFromFactsTests(LocalHostFixture host)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static JsonObject Facts(string factsId, string household, decimal income) => new()
    {
        ["factsId"] = factsId, ["householdId"] = household, ["asOf"] = "2024-01-01", ["sourceAgency"] = "test agency",
        ["evidenceReference"] = "avis d'imposition 2023", ["annualIncome"] = income, ["incomeReferenceYear"] = 2022, ["persons"] = 1, ["mainResidence"] = true,
    };

    private static JsonObject Line(int number, string household) => new()
    {
        ["lineNumber"] = number, ["householdId"] = household, ["area"] = "A", ["persons"] = 1,
        ["period"] = new JsonObject { ["from"] = "2024-01-01", ["to"] = "2024-12-31" },
        ["consumption"] = new JsonObject { ["quantity"] = 1000, ["unit"] = "kWh" },
        ["tariffCode"] = "BASE", ["billedAmount"] = 250.00m,
    };

    private async Task PostFactsAsync(HttpClient agency, JsonObject facts)
    {
        using var response = await agency.PostAsync($"api/households/{facts["householdId"]}/facts", new StringContent(facts.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Facts_in_grant_the_program_with_no_flag_before_and_after_billing_with_explanation_eligibility_and_report()
    {
        var authority = Unique("auto");
        var program = Unique("cheque");
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalogs", "cheque-energie-criteria.json")))!;
        catalog["authority"] = authority;
        catalog["programs"]![0]!["id"] = program;
        await host.PublishCatalogAsync(catalog.ToJsonString());
        var (early, late, overruled) = (Unique("hh"), Unique("hh"), Unique("hh"));
        var batchId = Unique("batch");
        using var agency = host.WithKey(LocalHostFixture.RoleKeys["social-services"]);

        await PostFactsAsync(agency, Facts("facts-" + early, early, 7000m));
        await PostFactsAsync(agency, Facts("facts-" + overruled, overruled, 7000m));
        using (var revoked = await host.Authorised.PostAsync("api/eligibility",
            new StringContent(Pipeline.Revocation("r-" + overruled, overruled, program, "2024-01-01").ToJsonString(), Encoding.UTF8, "application/json")))
            Assert.True(revoked.StatusCode == HttpStatusCode.Created, await revoked.Content.ReadAsStringAsync());
        await host.WaitUntilIdleAsync();
        await host.PostBatchAsync(new JsonObject
        {
            ["batchId"] = batchId, ["operator"] = "op", ["authority"] = authority, ["service"] = "electricity", ["currency"] = "EUR", ["createdAt"] = "2025-01-05T08:00:00Z",
            ["lines"] = new JsonArray(Line(1, early), Line(2, late), Line(3, overruled)),
        }.ToJsonString());
        await Eventually.ValueAsync(() => host.LedgerAsync(batchId), e => e.Count == 3, Pipeline.Patience, "3 lines priced");
        await PostFactsAsync(agency, Facts("facts-" + late, late, 7000m));
        await host.WaitUntilIdleAsync();

        var ledger = await host.LedgerAsync(batchId);
        var original = Assert.Single(ledger.Single(l => l.HouseholdId == early).Items);
        Assert.Equal((program, 0, 9_800L), (original.ProgramId, original.Sequence, original.AmountMinor));
        var correction = Assert.Single(ledger.Single(l => l.HouseholdId == late).Items);
        Assert.Equal((1, 9_800L), (correction.Sequence, correction.AmountMinor));
        Assert.Contains($"facts facts-{late}: stored total 0.00 EUR, recomputed 98.00 EUR", correction.Note);
        // The basis as stored: the early line priced as determined; the late line priced with none, its correction determined; the overruled line determined, paid nothing.
        Assert.Equal((program, EligibilityWays.Determined), Basis(ledger.Single(l => l.HouseholdId == early).PricedBasis));
        Assert.Empty(ledger.Single(l => l.HouseholdId == late).PricedBasis!.Programs);
        Assert.Equal((program, EligibilityWays.Determined), Basis(correction.Basis));
        var overruledLine = ledger.Single(l => l.HouseholdId == overruled);
        Assert.Equal((program, EligibilityWays.Determined), Basis(overruledLine.Basis));
        Assert.Empty(overruledLine.Items);

        var explanation = (await agency.GetFromJsonAsync<JsonObject>($"api/households/{late}/explanation"))!;
        var adjustment = explanation["lines"]![0]!["adjustments"]![0]!;
        Assert.Equal((program, 98.00m), ((string)adjustment["programId"]!, (decimal)adjustment["amount"]!));
        Assert.StartsWith($"facts facts-{late}", (string)adjustment["note"]!);

        var eligibility = (await agency.GetFromJsonAsync<JsonObject>($"api/households/{late}/eligibility"))!;
        var determined = eligibility["programs"]!.AsArray().Single(p => (string)p!["program"]! == program)!;
        Assert.False((bool)determined["agencyOverrides"]!);
        var period = determined["determined"]![0]!;
        Assert.Equal(("2024-01-01", "eligible", $"determined:{program}:2024-01-01", $"facts-{late}"),
            ((string)period["from"]!, (string)period["verdict"]!, (string)period["windowId"]!, (string)period["factsId"]!));
        Assert.Contains("income 7000 ÷ 1 units", (string)period["finding"]!);
        Assert.Equal("avis d'imposition 2023", (string)eligibility["facts"]![0]!["evidenceReference"]!);

        using (var recompute = await host.Authorised.PostAsync("api/reports/equity/recompute", null))
            Assert.Equal(HttpStatusCode.OK, recompute.StatusCode);
        using var regulator = host.WithKey(LocalHostFixture.RoleKeys["regulator"]);
        var cells = (await regulator.GetFromJsonAsync<JsonArray>("api/reports/equity/unsuppressed?period=2024&service=electricity"))!;
        var total = cells.Single(c => (string)c!["authority"]! == authority && (string)c!["area"]! == "*")!;
        Assert.Equal((3, 2, 2), ((int)total["householdsBilled"]!, (int)total["householdsEligible"]!, (int)total["householdsReceived"]!));
        Assert.Equal((3, 0, 1), ((int)total["householdsDetermined"]!, (int)total["householdsFlagged"]!, (int)total["householdsDeterminedNotReceived"]!));
    }

    private static (string, EligibilityWays) Basis(EligibilityBasis? basis)
    {
        var program = Assert.Single(basis!.Programs);
        return (program.ProgramId, program.Ways);
    }
}
