using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using Tariffs.Domain.Eligibility;
using Tariffs.Storage.Tables;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Eligibility;

/// <summary>
/// <see cref="IEligibility"/> on Table storage: eligibility windows and revocations by program and household (table <c>eligibility</c>). Register one per process:
/// it caches each program's partition for <see cref="ForHouseholdsAsync"/>.
/// </summary>
public sealed class EligibilityStore(TableServiceClient service) : IEligibility
{
    private readonly TableClient table = service.GetTableClient(TableNames.Eligibility);
    private readonly ConcurrentDictionary<string, ProgramEligibilityCache> caches = new(StringComparer.Ordinal);

    /// <summary>Partition of the id claims (<see cref="IdClaimRows"/>): a row per flag id (RowKey f | id) and revocation id (r | id).</summary>
    private const string IdClaimsPartition = IdClaimRows.Partition;

    /// <summary>
    /// Stores a window under its flag id, one namespace across programs and households: the same flag stored twice
    /// leaves one row and keeps its first reception time (<see cref="IdClaim.Resent"/>); other content under a flag id
    /// already stored is not stored (<see cref="IdClaim.Conflict"/>).
    /// </summary>
    public Task<IdClaim> SaveWindowAsync(string householdId, EligibilityWindow window, string sourceAgency, string evidenceReference, Instant receivedAt, CancellationToken cancellationToken) =>
        SaveClaimedAsync(RowKeys.Join("f", window.FlagId), new EligibilityEntity
        {
            PartitionKey = RowKeys.Whole(window.ProgramId),
            RowKey = RowKeys.Join(householdId, "f", window.FlagId),
            Kind = EligibilityEntity.WindowKind,
            HouseholdId = householdId,
            FlagId = window.FlagId,
            From = StoredDate.Format(window.Window.Start),
            To = StoredDate.Format(window.Window.End),
            DecisionDate = StoredDate.Format(window.DecisionDate),
            SourceAgency = sourceAgency,
            EvidenceReference = evidenceReference,
            ReceivedAt = receivedAt.ToDateTimeOffset(),
            FactsAsOf = window.Facts is { } f ? StoredDate.Format(f.AsOf) : "",
            AnnualIncome = window.Facts?.AnnualIncome?.ToString(CultureInfo.InvariantCulture) ?? "",
            IncomeReferenceYear = window.Facts?.IncomeReferenceYear,
            Persons = window.Facts?.Persons,
            PensionersOnly = window.Facts?.PensionersOnly,
            MedicalNeed = window.Facts?.MedicalNeed,
            ChequeEnergieAttestation = window.Facts?.ChequeEnergieAttestation,
        }, cancellationToken);

    /// <summary>Stores a revocation under its id, as <see cref="SaveWindowAsync"/> stores a flag (revocation ids are a namespace of their own).</summary>
    public Task<IdClaim> SaveRevocationAsync(string householdId, StoredRevocation revocation, string sourceAgency, CancellationToken cancellationToken) =>
        SaveClaimedAsync(RowKeys.Join("r", revocation.RevocationId), new EligibilityEntity
        {
            PartitionKey = RowKeys.Whole(revocation.ProgramId),
            RowKey = RowKeys.Join(householdId, "r", revocation.RevocationId),
            Kind = EligibilityEntity.RevocationKind,
            HouseholdId = householdId,
            FlagId = revocation.RevocationId,
            EffectiveDate = StoredDate.Format(revocation.EffectiveDate),
            DecisionDate = StoredDate.Format(revocation.DecisionDate),
            SourceAgency = sourceAgency,
            ReceivedAt = revocation.ReceivedAt.ToDateTimeOffset(),
        }, cancellationToken);

    /// <summary>
    /// Claims the id with the entity's fingerprint, then stores the entity unless the id holds other content, with its
    /// partition's <see cref="ChangeMarker"/> in the same transaction (a row stored already is left as it is).
    /// </summary>
    private async Task<IdClaim> SaveClaimedAsync(string claimKey, EligibilityEntity entity, CancellationToken cancellationToken)
    {
        var claim = await table.ClaimAsync(claimKey, Fingerprint(entity), cancellationToken).ConfigureAwait(false);
        if (claim == IdClaim.Conflict)
            return claim;
        try
        {
            await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, entity), ChangeMarker.Touch(entity.PartitionKey)], cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // Stored already (a resend, or a delivery that stopped after storing it): left as it is, marker and all.
        }
        return claim;
    }

    /// <summary>SHA-256 of what a flag or revocation says (its keys and columns but the reception time), incomes by value (18000.50 = 18000.5).</summary>
    private static string Fingerprint(EligibilityEntity e) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new[]
    {
        e.PartitionKey, e.RowKey, e.Kind, e.HouseholdId, e.FlagId, e.From, e.To, e.EffectiveDate, e.DecisionDate, e.SourceAgency, e.EvidenceReference, e.FactsAsOf,
        e.AnnualIncome.Length == 0 ? "" : decimal.Parse(e.AnnualIncome, CultureInfo.InvariantCulture).ToString("G29", CultureInfo.InvariantCulture),
        e.IncomeReferenceYear?.ToString(CultureInfo.InvariantCulture), e.Persons?.ToString(CultureInfo.InvariantCulture),
        e.PensionersOnly?.ToString(), e.MedicalNeed?.ToString(), e.ChequeEnergieAttestation?.ToString(),
    })));

    /// <summary>
    /// The eligibility of the given households for the given programs, by household. Each program's partition is
    /// cached in the process and refreshed by every call with what was stored since the previous one (see
    /// <see cref="ProgramEligibilityCache"/>): per program, a point read of its change marker and, only when something
    /// was stored since, a query of the recent rows instead of the whole partition once the cache is warm.
    /// </summary>
    public async Task<Dictionary<string, HouseholdEligibility>> ForHouseholdsAsync(
        IEnumerable<string> programIds, IReadOnlySet<string> householdIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (List<EligibilityWindow> Windows, List<StoredRevocation> Revocations)>(StringComparer.Ordinal);
        foreach (var programId in programIds.Distinct())
        {
            var cache = caches.GetOrAdd(programId, id => new ProgramEligibilityCache(id));
            await cache.RefreshAsync(table, RowKeys.Whole(programId), cancellationToken).ConfigureAwait(false);
            foreach (var (householdId, fact) in cache.FactsOf(householdIds))
                Add(found, householdId, fact);
        }
        return found.ToDictionary(f => f.Key, f => new HouseholdEligibility(f.Value.Windows, f.Value.Revocations), StringComparer.Ordinal);
    }

    /// <summary>Every household's eligibility held in rows of this table read elsewhere (an export's), by household: the windows and revocations of every program.</summary>
    public static async Task<Dictionary<string, HouseholdEligibility>> DecodeAsync(IAsyncEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (List<EligibilityWindow> Windows, List<StoredRevocation> Revocations)>(StringComparer.Ordinal);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            if (row.PartitionKey != IdClaimsPartition && row.RowKey != ChangeMarker.RowKey)
                Add(found, RowKeys.Decode(row.PartitionKey), EligibilityEntity.FromRow(row));
        return found.ToDictionary(f => f.Key, f => new HouseholdEligibility(f.Value.Windows, f.Value.Revocations), StringComparer.Ordinal);
    }

    /// <summary>The eligibility of one household for the given programs: one range query per program.</summary>
    public async Task<HouseholdEligibility> ForHouseholdAsync(IEnumerable<string> programIds, string householdId, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (List<EligibilityWindow> Windows, List<StoredRevocation> Revocations)>(StringComparer.Ordinal);
        foreach (var programId in programIds.Distinct())
        {
            await foreach (var e in table.QueryAsync<EligibilityEntity>(HouseholdRows(programId, householdId), cancellationToken: cancellationToken).ConfigureAwait(false))
                Add(found, programId, e);
        }
        return found.TryGetValue(householdId, out var mine) ? new HouseholdEligibility(mine.Windows, mine.Revocations) : HouseholdEligibility.None;
    }

    /// <summary>The source agencies of the household's flags and revocations for the given programs (who decided on it).</summary>
    public async Task<IReadOnlySet<string>> SourceAgenciesAsync(IEnumerable<string> programIds, string householdId, CancellationToken cancellationToken)
    {
        var agencies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var programId in programIds.Distinct())
        {
            var rows = table.QueryAsync<EligibilityEntity>(HouseholdRows(programId, householdId), select: [nameof(EligibilityEntity.SourceAgency)], cancellationToken: cancellationToken);
            await foreach (var e in rows.ConfigureAwait(false))
                agencies.Add(e.SourceAgency);
        }
        return agencies;
    }

    private static string HouseholdRows(string programId, string householdId)
    {
        var prefix = RowKeys.Part(householdId) + RowKeys.Separator;
        return TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Whole(programId)} and RowKey gt {prefix} and RowKey lt {prefix[..^1] + "}"}");
    }

    private static void Add(Dictionary<string, (List<EligibilityWindow> Windows, List<StoredRevocation> Revocations)> found, string programId, EligibilityEntity e) =>
        Add(found, e.HouseholdId, e.ToFact(programId));

    /// <summary>Adds a window or revocation (<see cref="EligibilityEntity.ToFact"/>) to the household's lists.</summary>
    private static void Add(Dictionary<string, (List<EligibilityWindow> Windows, List<StoredRevocation> Revocations)> found, string householdId, object fact)
    {
        if (!found.TryGetValue(householdId, out var lists))
            found[householdId] = lists = ([], []);
        if (fact is StoredRevocation revocation)
            lists.Revocations.Add(revocation);
        else
            lists.Windows.Add((EligibilityWindow)fact);
    }
}
