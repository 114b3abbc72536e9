using System.Text.Json.Nodes;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// Social services flag households late, revoke them, send twice: the ledger ends with the same sums whatever
/// the order (Dunkerque rule: −0.55 €/m³ on the first 80 m³ a year for CSS households).
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class EligibilityOverTimeTests(LocalHostFixture host)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>Publishes the sample catalog under its own authority and program, with the program's claw-back set.</summary>
    private async Task<(string Authority, string Program)> PublishAsync(bool clawBack)
    {
        var authority = Unique("auth");
        var program = Unique("css");
        await host.PublishCatalogAsync(Samples.CatalogFor(authority, program, clawBack));
        return (authority, program);
    }

    [Fact]
    public async Task A_late_grant_gives_each_line_the_same_sum_as_a_grant_before_billing()
    {
        var (authority, program) = await PublishAsync(clawBack: false);
        var early = Unique("hh");
        var late = Unique("hh");
        var batchId = Unique("batch");

        await host.PostEligibilityAsync(Pipeline.Flag("f-" + early, early, program, "2022-07-01"));
        await host.PostBatchAsync(Pipeline.Batch(batchId, authority, [Pipeline.Line(1, early, 120m), Pipeline.Line(2, late, 120m)]).ToJsonString());
        await Eventually.ValueAsync(() => host.LedgerAsync(batchId), e => e.Count == 2, Pipeline.Patience, "2 lines priced");
        await host.PostEligibilityAsync(Pipeline.Flag("f-" + late, late, program, "2022-07-01"));
        await host.WaitUntilIdleAsync();

        var ledger = await host.LedgerAsync(batchId);
        // From 1 July: 184 of 365 days → 80 × 184/365 m³ repriced at 0.34 instead of 0.89 → −22.18 €.
        Assert.Equal(-2218, ledger.AdjustmentsOf(early));
        Assert.Equal(-2218, ledger.AdjustmentsOf(late));
        var correction = Assert.Single(ledger.Single(e => e.HouseholdId == late).Items);
        Assert.Equal(1, correction.Sequence);
        Assert.Contains("stored total 0.00 EUR, recomputed -22.18 EUR", correction.Note);
    }

    [Fact]
    public async Task A_grant_sent_three_times_corrects_once()
    {
        var (authority, program) = await PublishAsync(clawBack: false);
        var household = Unique("hh");
        var batchId = Unique("batch");
        await host.PostBatchAsync(Pipeline.Batch(batchId, authority, [Pipeline.Line(1, household, 120m)]).ToJsonString());
        await Eventually.ValueAsync(() => host.LedgerAsync(batchId), e => e.Count == 1, Pipeline.Patience, "the line priced");

        var flag = Pipeline.Flag("f-" + household, household, program, "2022-01-01");
        for (var i = 0; i < 3; i++)
            await host.Queue("eligibility-flags").SendMessageAsync(flag.ToJsonString());
        await host.WaitUntilIdleAsync();

        var ledger = await host.LedgerAsync(batchId);
        Assert.Equal(-4400, ledger.AdjustmentsOf(household));
        Assert.Single(ledger.SelectMany(e => e.Items));
    }

    [Fact]
    public async Task A_revocation_without_claw_back_leaves_lines_billed_before_it_and_limits_lines_billed_after()
    {
        var (authority, program) = await PublishAsync(clawBack: false);
        var household = Unique("hh");
        var before = Unique("batch");
        var after = Unique("batch");
        await host.PostEligibilityAsync(Pipeline.Flag("f-" + household, household, program, "2022-01-01"));
        await host.PostBatchAsync(Pipeline.Batch(before, authority, [Pipeline.Line(1, household, 120m)]).ToJsonString());
        await Eventually.ValueAsync(() => host.LedgerAsync(before), e => e.Count == 1, Pipeline.Patience, "the first line priced");

        await host.PostEligibilityAsync(Pipeline.Revocation("r-" + household, household, program, "2022-07-01"));
        await host.WaitUntilIdleAsync();
        await host.PostBatchAsync(Pipeline.Batch(after, authority, [Pipeline.Line(1, household, 120m)]).ToJsonString());
        await Eventually.ValueAsync(() => host.LedgerAsync(after), e => e.Count == 1, Pipeline.Patience, "the second line priced");

        Assert.Equal(-4400, (await host.LedgerAsync(before)).AdjustmentsOf(household)); // kept: no claw-back
        // Eligible 1 Jan – 30 Jun: 181 days → 80 × 181/365 × (0.34 − 0.89) = −21.82 €.
        Assert.Equal(-2182, (await host.LedgerAsync(after)).AdjustmentsOf(household));
    }

    [Fact]
    public async Task A_revocation_with_claw_back_corrects_lines_already_billed()
    {
        var (authority, program) = await PublishAsync(clawBack: true);
        var household = Unique("hh");
        var batchId = Unique("batch");
        await host.PostEligibilityAsync(Pipeline.Flag("f-" + household, household, program, "2022-01-01"));
        await host.PostBatchAsync(Pipeline.Batch(batchId, authority, [Pipeline.Line(1, household, 120m)]).ToJsonString());
        await Eventually.ValueAsync(() => host.LedgerAsync(batchId), e => e.Count == 1, Pipeline.Patience, "the line priced");

        await host.PostEligibilityAsync(Pipeline.Revocation("r-" + household, household, program, "2022-07-01"));
        await host.WaitUntilIdleAsync();

        var adjustments = (await host.LedgerAsync(batchId)).Single().Items;
        Assert.Equal([0, 1], adjustments.Select(a => a.Sequence));
        Assert.Equal(-4400, adjustments[0].AmountMinor); // the original stays: corrections are new rows
        Assert.Equal(2218, adjustments[1].AmountMinor);  // takes back the 184 days from 1 July
        Assert.Equal(-2182, adjustments.Sum(a => a.AmountMinor));
    }
}
