using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using NodaTime;
using Tariffs.Domain.Eligibility;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Tables;
using Tariffs.Testing;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class EligibilityStoreTests(AzuriteFixture azurite)
{
    private static readonly Instant Received = Instant.FromUtc(2022, 6, 1, 8, 0);

    private async Task<EligibilityStore> NewStoreAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(TableNames.Eligibility);
        return new EligibilityStore(service);
    }

    /// <summary>A window whose flag id is unique to the program (flag ids are one namespace across programs).</summary>
    private static EligibilityWindow Window(string program, string flag) =>
        new(program, new DateInterval(new LocalDate(2022, 1, 1), new LocalDate(2022, 6, 30)), new LocalDate(2021, 12, 15), $"{program}/{flag}");

    [Fact]
    public async Task Windows_are_found_by_program_and_household_and_a_resent_flag_is_stored_once()
    {
        var store = await NewStoreAsync();
        var program = "css-" + Guid.NewGuid().ToString("N")[..8];

        await store.SaveWindowAsync("hh-1", Window(program, "flag-1"), "CPAM", "ref", Received, CancellationToken.None);
        await store.SaveWindowAsync("hh-1", Window(program, "flag-1"), "CPAM", "ref", Received.Plus(Duration.FromDays(1)), CancellationToken.None);
        await store.SaveWindowAsync("hh-10", Window(program, "flag-2"), "CPAM", "ref", Received, CancellationToken.None);

        var found = await store.ForHouseholdsAsync([program], new HashSet<string> { "hh-1", "hh-9" }, CancellationToken.None);
        var one = await store.ForHouseholdAsync([program], "hh-1", CancellationToken.None);

        Assert.Equal(["hh-1"], found.Keys);
        Assert.Equal(Window(program, "flag-1"), Assert.Single(found["hh-1"].Windows));
        Assert.Equal(Window(program, "flag-1"), Assert.Single(one.Windows)); // hh-10 shares the prefix "hh-1" but is another household
    }

    [Fact]
    public async Task A_flag_or_revocation_stored_after_a_read_is_found_by_the_next_read_of_the_same_store()
    {
        var store = await NewStoreAsync();
        var program = "css-" + Guid.NewGuid().ToString("N")[..8];
        var households = new HashSet<string> { "hh-1", "hh-2" };
        await store.SaveWindowAsync("hh-1", Window(program, "flag-1"), "CPAM", "ref", Received, CancellationToken.None);

        var first = await store.ForHouseholdsAsync([program], households, CancellationToken.None);
        await store.SaveWindowAsync("hh-2", Window(program, "flag-2"), "CPAM", "ref", Received, CancellationToken.None);
        var revocation = new StoredRevocation(program, $"{program}/rev-1", new LocalDate(2022, 4, 1), new LocalDate(2022, 3, 20), Received);
        await store.SaveRevocationAsync("hh-1", revocation, "CPAM", CancellationToken.None);
        var second = await store.ForHouseholdsAsync([program], households, CancellationToken.None);
        var third = await store.ForHouseholdsAsync([program], households, CancellationToken.None);

        Assert.Equal(["hh-1"], first.Keys);
        foreach (var read in new[] { second, third })
        {
            Assert.Equal(Window(program, "flag-1"), Assert.Single(read["hh-1"].Windows));
            Assert.Equal(revocation, Assert.Single(read["hh-1"].Revocations));
            Assert.Equal(Window(program, "flag-2"), Assert.Single(read["hh-2"].Windows));
        }
    }

    [Fact]
    public async Task Household_facts_come_back_with_unknown_facts_still_unknown()
    {
        var store = await NewStoreAsync();
        var program = "tap-" + Guid.NewGuid().ToString("N")[..8];
        var facts = new HouseholdFacts(new LocalDate(2025, 3, 1), AnnualIncome: 18000.50m, IncomeReferenceYear: 2024, Persons: 4);

        await store.SaveWindowAsync("hh-1", Window(program, "flag-1") with { Facts = facts }, "PHDC", "ref", Received, CancellationToken.None);

        var window = Assert.Single((await store.ForHouseholdAsync([program], "hh-1", CancellationToken.None)).Windows);
        Assert.Equal(facts, window.Facts);
        Assert.Null(window.Facts!.PensionersOnly);
    }

    [Fact]
    public async Task Revocations_come_back_with_their_reception_time()
    {
        var store = await NewStoreAsync();
        var program = "css-" + Guid.NewGuid().ToString("N")[..8];
        var revocation = new StoredRevocation(program, $"{program}/rev-1", new LocalDate(2022, 7, 1), new LocalDate(2022, 6, 20), Received);

        await store.SaveWindowAsync("hh-1", Window(program, "flag-1"), "CPAM", "ref", Received, CancellationToken.None);
        await store.SaveRevocationAsync("hh-1", revocation, "CPAM", CancellationToken.None);

        var found = await store.ForHouseholdAsync([program], "hh-1", CancellationToken.None);

        Assert.Equal(revocation, Assert.Single(found.Revocations));
        Assert.Single(found.Windows);
    }

    [Fact]
    public async Task The_same_flag_again_is_resent_and_other_content_under_its_id_is_a_conflict_that_stores_nothing()
    {
        var store = await NewStoreAsync();
        var program = "css-" + Guid.NewGuid().ToString("N")[..8];
        var window = Window(program, "flag|1");
        var later = window with { Window = new DateInterval(new LocalDate(2022, 3, 1), new LocalDate(2022, 6, 30)) };

        var first = await store.SaveWindowAsync("hh-1", window, "CPAM", "ref", Received, CancellationToken.None);
        var again = await store.SaveWindowAsync("hh-1", window, "CPAM", "ref", Received.Plus(Duration.FromDays(1)), CancellationToken.None);
        var newWindow = await store.SaveWindowAsync("hh-1", later, "CPAM", "ref", Received, CancellationToken.None);
        var otherHousehold = await store.SaveWindowAsync("hh-2", window, "CPAM", "ref", Received, CancellationToken.None);
        var otherEvidence = await store.SaveWindowAsync("hh-1", window, "CPAM", "ref-2", Received, CancellationToken.None);

        Assert.Equal([IdClaim.New, IdClaim.Resent, IdClaim.Conflict, IdClaim.Conflict, IdClaim.Conflict], [first, again, newWindow, otherHousehold, otherEvidence]);
        var found = await store.ForHouseholdsAsync([program], new HashSet<string> { "hh-1", "hh-2" }, CancellationToken.None);
        Assert.Equal(["hh-1"], found.Keys);
        Assert.Equal(window, Assert.Single(found["hh-1"].Windows)); // the first window, not the new one
    }

    [Fact]
    public async Task A_flag_id_is_one_namespace_across_programs_and_revocation_ids_another()
    {
        var store = await NewStoreAsync();
        var program = "css-" + Guid.NewGuid().ToString("N")[..8];
        var window = Window(program, "flag-1");
        var elsewhere = window with { ProgramId = program + "-other" };
        var revocation = new StoredRevocation(program, window.FlagId, new LocalDate(2022, 7, 1), new LocalDate(2022, 6, 20), Received);

        Assert.Equal(IdClaim.New, await store.SaveWindowAsync("hh-1", window, "CPAM", "ref", Received, CancellationToken.None));
        Assert.Equal(IdClaim.Conflict, await store.SaveWindowAsync("hh-1", elsewhere, "CPAM", "ref", Received, CancellationToken.None));
        Assert.Equal(IdClaim.New, await store.SaveRevocationAsync("hh-1", revocation, "CPAM", CancellationToken.None));
        Assert.Equal(IdClaim.Resent, await store.SaveRevocationAsync("hh-1", revocation with { ReceivedAt = Received.Plus(Duration.FromHours(1)) }, "CPAM", CancellationToken.None));
        Assert.Equal(IdClaim.Conflict, await store.SaveRevocationAsync("hh-1", revocation with { EffectiveDate = new LocalDate(2022, 8, 1) }, "CPAM", CancellationToken.None));

        Assert.Empty((await store.ForHouseholdAsync([elsewhere.ProgramId], "hh-1", CancellationToken.None)).Windows);
        Assert.Equal(revocation, Assert.Single((await store.ForHouseholdAsync([program], "hh-1", CancellationToken.None)).Revocations));
    }

    [Fact]
    public async Task Households_differing_only_in_the_separator_keep_their_own_flags()
    {
        var store = await NewStoreAsync();
        var program = "css-" + Guid.NewGuid().ToString("N")[..8];
        // household "h|f|x" with flag "y", household "h" with flag "x|f|y": one row key before keys were escaped
        var y = Window(program, "y") with { FlagId = "y-" + program };
        var x = Window(program, "x") with { FlagId = "x|f|y-" + program };

        await store.SaveWindowAsync("h|f|x", y, "CPAM", "ref", Received, CancellationToken.None);
        await store.SaveWindowAsync("h", x, "CPAM", "ref", Received, CancellationToken.None);

        var found = await store.ForHouseholdsAsync([program], new HashSet<string> { "h", "h|f|x" }, CancellationToken.None);
        Assert.Equal(y, Assert.Single(found["h|f|x"].Windows));
        Assert.Equal(x, Assert.Single(found["h"].Windows));
    }

    [Fact]
    public async Task A_stored_row_that_does_not_decode_fails_the_reads_of_its_household_only()
    {
        var store = await NewStoreAsync();
        var program = "css-" + Guid.NewGuid().ToString("N")[..8];
        await store.SaveWindowAsync("hh-good", Window(program, "good"), "CPAM", "ref", Received, CancellationToken.None);
        await new TableServiceClient(azurite.ConnectionString).GetTableClient(TableNames.Eligibility).AddEntityAsync(new EligibilityEntity
        {
            PartitionKey = program, RowKey = RowKeys.Join("hh-bad", "f", "bad"), HouseholdId = "hh-bad", FlagId = "bad",
            From = "2022-02-30", To = "2022-06-30", DecisionDate = "2021-12-15", ReceivedAt = Received.ToDateTimeOffset(),
        });

        var good = await store.ForHouseholdsAsync([program], new HashSet<string> { "hh-good", "hh-none" }, CancellationToken.None);
        await Assert.ThrowsAsync<NodaTime.Text.UnparsableValueException>(() => store.ForHouseholdsAsync([program], new HashSet<string> { "hh-bad" }, CancellationToken.None));
        await store.SaveWindowAsync("hh-bad", Window(program, "later"), "CPAM", "ref", Received, CancellationToken.None);
        var again = await store.ForHouseholdsAsync([program], new HashSet<string> { "hh-good" }, CancellationToken.None);

        Assert.Equal(Window(program, "good"), Assert.Single(good["hh-good"].Windows));
        Assert.Equal(good["hh-good"].Windows, again["hh-good"].Windows);
        await Assert.ThrowsAsync<NodaTime.Text.UnparsableValueException>(() => store.ForHouseholdsAsync([program], new HashSet<string> { "hh-bad" }, CancellationToken.None));
    }

    [Fact]
    public async Task Reads_after_nothing_was_stored_query_no_rows_and_a_flag_another_process_stores_is_found_next()
    {
        var requests = new RequestLog();
        var options = new TableClientOptions();
        options.AddPolicy(requests, HttpPipelinePosition.PerRetry);
        var reader = new EligibilityStore(new TableServiceClient(azurite.ConnectionString, options));
        var writer = await NewStoreAsync(); // another process (instance): its own client and caches
        var program = "css-" + Guid.NewGuid().ToString("N")[..8];
        var households = new HashSet<string> { "hh-1", "hh-2" };
        await writer.SaveWindowAsync("hh-1", Window(program, "flag-1"), "CPAM", "ref", Received, CancellationToken.None);
        await reader.ForHouseholdsAsync([program], households, CancellationToken.None); // the first read scans the partition

        requests.Clear();
        for (var i = 0; i < 3; i++)
            Assert.Equal(["hh-1"], (await reader.ForHouseholdsAsync([program], households, CancellationToken.None)).Keys);
        var unchanged = requests.Take();
        await writer.SaveWindowAsync("hh-2", Window(program, "flag-2"), "CPAM", "ref", Received, CancellationToken.None);
        var after = await reader.ForHouseholdsAsync([program], households, CancellationToken.None);
        var changed = requests.Take();

        // Three reads of the marker row alone (a point read: no filter), then the marker again and one query of the partition.
        Assert.Equal(3, unchanged.Count);
        Assert.All(unchanged, uri => Assert.Contains("RowKey='|changed')?", Uri.UnescapeDataString(uri), StringComparison.Ordinal));
        Assert.All(unchanged, uri => Assert.DoesNotContain("filter=", Uri.UnescapeDataString(uri), StringComparison.Ordinal));
        Assert.Equal(2, changed.Count);
        Assert.Contains("filter=PartitionKey", Uri.UnescapeDataString(changed[1]), StringComparison.Ordinal);
        Assert.Equal(Window(program, "flag-2"), Assert.Single(after["hh-2"].Windows));
    }

    [Fact]
    public async Task Flags_stored_while_another_process_reads_are_all_found_by_its_next_read()
    {
        var reader = await NewStoreAsync();
        var writer = await NewStoreAsync();
        var program = "css-" + Guid.NewGuid().ToString("N")[..8];
        var households = Enumerable.Range(1, 24).Select(i => $"hh-{i}").ToHashSet();
        await writer.SaveWindowAsync("hh-0", Window(program, "flag-0"), "CPAM", "ref", Received, CancellationToken.None);

        using var stop = new CancellationTokenSource();
        var reads = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                await reader.ForHouseholdsAsync([program], households, CancellationToken.None);
        });
        await Parallel.ForEachAsync(households, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (household, token) => await writer.SaveWindowAsync(household, Window(program, "flag-" + household), "CPAM", "ref", Received, token));
        await stop.CancelAsync();
        await reads;
        var found = await reader.ForHouseholdsAsync([program], households, CancellationToken.None);

        Assert.Equal(households.Order(), found.Keys.Order());
    }

    /// <summary>The URI of every request a client sends.</summary>
    private sealed class RequestLog : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentQueue<string> uris = new();

        public override void OnSendingRequest(HttpMessage message) => uris.Enqueue(message.Request.Uri.ToString());

        public void Clear() => uris.Clear();

        /// <summary>The URIs logged since the last call, in the order sent; the log is emptied.</summary>
        public List<string> Take()
        {
            var taken = new List<string>();
            while (uris.TryDequeue(out var uri))
                taken.Add(uri);
            return taken;
        }
    }
}
