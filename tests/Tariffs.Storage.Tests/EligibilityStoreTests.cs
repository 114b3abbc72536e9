using Azure.Data.Tables;
using NodaTime;
using Tariffs.Domain.Eligibility;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class EligibilityStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Windows_are_found_by_program_and_household_and_a_resent_flag_is_stored_once()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(TableNames.Eligibility);
        var store = new EligibilityStore(service);
        var program = "css-" + Guid.NewGuid().ToString("N")[..8];
        var window = new EligibilityWindow(program, new DateInterval(new LocalDate(2022, 1, 1), new LocalDate(2022, 6, 30)), new LocalDate(2021, 12, 15), "flag-1");

        await store.SaveAsync("hh-1", window, "CPAM", "ref", CancellationToken.None);
        await store.SaveAsync("hh-1", window, "CPAM", "ref", CancellationToken.None);
        await store.SaveAsync("hh-2", window with { FlagId = "flag-2" }, "CPAM", "ref", CancellationToken.None);

        var found = await store.ForHouseholdsAsync([program], new HashSet<string> { "hh-1", "hh-9" }, CancellationToken.None);

        Assert.Equal(["hh-1"], found.Keys);
        Assert.Equal(window, Assert.Single(found["hh-1"]));
    }
}
