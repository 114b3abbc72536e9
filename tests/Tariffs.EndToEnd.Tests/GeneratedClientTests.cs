using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Tariffs.ApiClient;
using Tariffs.ApiClient.Eligibility;
using Tariffs.ApiClient.Models;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// An integrator's session through the C# client Kiota generates from the OpenAPI document at build time
/// (tests/Tariffs.ApiClient): an eligibility flag, a batch, its status, the household's explanation, the report and a
/// problem. If the document is wrong about a route, this does not compile or fails.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class GeneratedClientTests(LocalHostFixture host)
{
    [Fact]
    public async Task The_generated_client_posts_a_flag_and_a_batch_and_reads_the_status_explanation_report_and_a_problem()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var authority = "client-" + suffix;
        var program = "client-program-" + suffix;
        var batchId = "client-" + suffix;
        var eligible = $"{batchId}-h1";
        await host.PublishCatalogAsync(Samples.CatalogFor(authority, program));
        using var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: host.Authorised)
        {
            BaseUrl = new Uri(host.BaseAddress, "api").ToString(),
        };
        var client = new TariffsClient(adapter);

        var stored = await client.Eligibility.PostAsync(new EligibilityRequestBuilder.EligibilityPostRequestBody
        {
            EligibilityFlag = new EligibilityFlag
            {
                FlagId = "client-flag-" + suffix, HouseholdId = eligible, Program = program, SourceAgency = "test agency",
                Window = new EligibilityFlag_window { From = new Date(2022, 1, 1) }, DecisionDate = new Date(2022, 1, 1),
            },
        });
        var accepted = await client.Batches.PostAsync(new BillingBatch
        {
            BatchId = batchId, Operator = "op", Authority = authority, Service = "water", Currency = "EUR",
            CreatedAt = new DateTimeOffset(2023, 1, 5, 8, 0, 0, TimeSpan.Zero),
            Lines = [Line(1, eligible), Line(2, $"{batchId}-h2")],
        });
        var status = await Eventually.ValueAsync(() => client.Batches[batchId].GetAsync(), s => s!.State != BatchStatus_state.Processing,
            Pipeline.Patience, "the batch to end");
        await host.WaitUntilIdleAsync();
        var explanation = await client.Households[eligible].Explanation.GetAsync();
        var cells = await client.Reports.Equity.Recompute.PostAsync();
        var rows = await client.Reports.Equity.Unsuppressed.GetAsync(c => c.QueryParameters.Service = "water");
        var missing = await Assert.ThrowsAsync<Problem>(() => client.Batches["client-no-such-batch"].GetAsync());

        Assert.Equal(Stored_status.Stored, stored!.Status);
        Assert.Equal((batchId, 2), (accepted!.BatchId, accepted.Lines));
        Assert.Equal((BatchStatus_state.Completed, 2, 0), (status!.State, status.LinesPriced, status.LinesRejected));
        var line = Assert.Single(explanation!.Lines!);
        Assert.NotEmpty(line.Adjustments!);
        Assert.All(line.Adjustments!, a => Assert.NotNull(a.Step));
        // The social bill is the standard bill after the bill's adjustments; payments are apart from it.
        var billAdjustments = line.Adjustments!.Where(a => a.Step is not ExplainedAdjustment_step.Payment and not ExplainedAdjustment_step.Refund).Sum(a => a.Amount!.Value);
        Assert.Equal(Math.Round(line.StandardBill!.Value + billAdjustments, 2), line.SocialBill!.Value, 2);
        Assert.True(line.SocialBill < line.StandardBill, $"social {line.SocialBill} is not below standard {line.StandardBill}");
        Assert.True(cells!.Cells > 0);
        var total = Assert.Single(rows!, r => r.Authority == authority && r.Area == "*" && r.Period == "2022");
        Assert.Equal((2, 1, 1, 1.0), (total.HouseholdsBilled, total.HouseholdsEligible, total.HouseholdsReceived, total.TakeUpRate));
        Assert.Equal((404, "urn:tariffs:problem:not-found"), (missing.Status, missing.Type));
    }

    private static BillingBatchLine Line(int number, string household) => new()
    {
        LineNumber = number, HouseholdId = household, Area = "A", Persons = 2, TariffCode = "DOM", BilledAmount = 0,
        Period = new BillingBatchLine_period { From = new Date(2022, 1, 1), To = new Date(2022, 12, 31) },
        Consumption = new BillingBatchLine_consumption { Quantity = 40, Unit = "m3" },
    };
}
