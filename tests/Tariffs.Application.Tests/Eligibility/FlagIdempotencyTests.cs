using Tariffs.Application.Ports;
using Microsoft.Extensions.DependencyInjection;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Tests.Billing;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Rejections;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Eligibility;

/// <summary>A flag id names one decision: the same flag again is stored once, a new window under its id is refused and stored as a rejection.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FlagIdempotencyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_same_flag_again_is_stored_once_and_a_new_window_under_its_id_is_a_conflict_with_a_stored_rejection()
    {
        var (services, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var handler = services.GetRequiredService<EligibilityFlagHandler>();
        var household = header.BatchId + "-hh-1";
        var flag = ChunkRaceTests.Flag(household);
        var newWindow = flag.Replace("\"window\":{\"from\":\"2022-01-01\"}", "\"window\":{\"from\":\"2022-07-01\"}", StringComparison.Ordinal);
        Assert.NotEqual(flag, newWindow);

        var stored = await handler.RecordAsync(flag, "m-1", CancellationToken.None);
        var again = await handler.RecordAsync(flag, "m-2", CancellationToken.None);
        var conflict = await handler.RecordAsync(newWindow, "m-3", CancellationToken.None);

        Assert.Equal(new EligibilityOutcome(null), stored);
        Assert.Equal(new EligibilityOutcome(null), again);
        Assert.True(conflict.Conflict);
        Assert.Equal($"$.flagId: flag id 'css-{household}' was stored before with other content: an id names one decision; send a changed decision under a new id", conflict.Refusal);
        var window = Assert.Single((await services.GetRequiredService<EligibilityStore>().ForHouseholdAsync(["dunkerque-css"], household, CancellationToken.None)).Windows);
        Assert.Equal(new NodaTime.LocalDate(2022, 1, 1), window.Window.Start); // the first window is kept
        var rejections = new List<Rejection>();
        await foreach (var r in services.GetRequiredService<RejectionStore>().InPartitionAsync(EligibilityFlagHandler.RejectionPartition, CancellationToken.None))
            if (r.Key.StartsWith($"css-{household}|conflict|", StringComparison.Ordinal))
                rejections.Add(r);
        Assert.Equal(conflict.Refusal, Assert.Single(rejections).Reason);
    }
}
