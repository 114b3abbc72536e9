using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Facts;

/// <summary>
/// <see cref="IHouseholdFacts"/> on Table storage (table <c>householdfacts</c>): a partition per household, a row per
/// statement; facts ids are claimed in partition <c>~ids</c> (<see cref="IdClaimRows"/>), and the change marker
/// (<see cref="ChangeMarker"/>) is the one row of partition <see cref="MarkerPartition"/>, replaced after each statement.
/// </summary>
public sealed class HouseholdFactsStore(TableServiceClient service) : IHouseholdFacts
{
    /// <summary>Households read side by side by <see cref="ForHouseholdsAsync"/>.</summary>
    private const int Readers = 16;

    /// <summary>The partition of the change marker: a household's partition never starts with '~' (<see cref="RowKeys.Whole"/> escapes it).</summary>
    public const string MarkerPartition = "~changed";

    private readonly TableClient table = service.GetTableClient(TableNames.HouseholdFacts);

    /// <summary>
    /// Claims the facts id with the statement's fingerprint (household, facts, agency, evidence), then stores the row
    /// unless the id holds other content, then replaces the change marker; a resent statement keeps its first row and
    /// reception time (and replaces the marker too: the first delivery may have stopped before it).
    /// </summary>
    public async Task<IdClaim> SaveAsync(string householdId, StoredFacts facts, CancellationToken cancellationToken)
    {
        var entity = new HouseholdFactsEntity
        {
            PartitionKey = RowKeys.Whole(householdId),
            RowKey = RowKeys.Whole(facts.FactsId),
            HouseholdId = householdId,
            FactsId = facts.FactsId,
            Facts = FactsContent.Write(facts.Facts),
            SourceAgency = facts.SourceAgency,
            EvidenceReference = facts.EvidenceReference,
            ReceivedAt = facts.ReceivedAt.ToDateTimeOffset(),
        };
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new[]
            { entity.HouseholdId, entity.FactsId, entity.Facts, entity.SourceAgency, entity.EvidenceReference })));
        var claim = await table.ClaimAsync(RowKeys.Whole(facts.FactsId), fingerprint, cancellationToken).ConfigureAwait(false);
        if (claim != IdClaim.Conflict)
        {
            await table.InsertMissingAsync([entity], cancellationToken).ConfigureAwait(false);
            await ChangeMarker.TouchAsync(table, MarkerPartition, cancellationToken).ConfigureAwait(false);
        }
        return claim;
    }

    /// <summary>The change marker: one point read; "" before any statement was stored with it.</summary>
    public async Task<string> ChangeMarkerAsync(CancellationToken cancellationToken) =>
        await ChangeMarker.ReadAsync(table, MarkerPartition, cancellationToken).ConfigureAwait(false) ?? "";

    /// <summary>The household's statements: one partition query.</summary>
    public async Task<IReadOnlyList<StoredFacts>> ForHouseholdAsync(string householdId, CancellationToken cancellationToken)
    {
        var found = new List<StoredFacts>();
        await foreach (var e in table.QueryAsync<HouseholdFactsEntity>(Partition(householdId), cancellationToken: cancellationToken).ConfigureAwait(false))
            found.Add(Read(e));
        return InOrderReceived(found);
    }

    /// <summary>The statements of the households: one partition query each, <see cref="Readers"/> side by side.</summary>
    public async Task<Dictionary<string, IReadOnlyList<StoredFacts>>> ForHouseholdsAsync(IReadOnlySet<string> householdIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, List<StoredFacts>>(StringComparer.Ordinal);
        var rows = SideBySide.ReadAsync(householdIds.Select(Partition), Readers,
            (filter, token) => table.QueryAsync<HouseholdFactsEntity>(filter, cancellationToken: token), cancellationToken);
        await foreach (var e in rows.ConfigureAwait(false))
        {
            if (!found.TryGetValue(e.HouseholdId, out var list))
                found[e.HouseholdId] = list = [];
            list.Add(Read(e));
        }
        return found.ToDictionary(f => f.Key, f => InOrderReceived(f.Value), StringComparer.Ordinal);
    }

    /// <summary>Every household's statements held in rows of this table read elsewhere (an export's), by household, in the order received; the id claims and the change marker are left out.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<StoredFacts>>> DecodeAsync(IAsyncEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, List<StoredFacts>>(StringComparer.Ordinal);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (row.PartitionKey is IdClaimRows.Partition or MarkerPartition)
                continue;
            var e = HouseholdFactsEntity.FromRow(row);
            if (!found.TryGetValue(e.HouseholdId, out var list))
                found[e.HouseholdId] = list = [];
            list.Add(Read(e));
        }
        return found.ToDictionary(f => f.Key, f => InOrderReceived(f.Value), StringComparer.Ordinal);
    }

    private static string Partition(string householdId) => TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Whole(householdId)}");

    private static StoredFacts Read(HouseholdFactsEntity e) =>
        new(e.FactsId, FactsContent.Read(e.Facts), e.SourceAgency, e.EvidenceReference, Instant.FromDateTimeOffset(e.ReceivedAt));

    private static IReadOnlyList<StoredFacts> InOrderReceived(List<StoredFacts> found) =>
        [.. found.OrderBy(f => f.ReceivedAt).ThenBy(f => f.FactsId, StringComparer.Ordinal)];
}
