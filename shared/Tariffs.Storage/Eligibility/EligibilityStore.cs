using Azure.Data.Tables;
using NodaTime;
using Tariffs.Domain.Eligibility;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Eligibility;

/// <summary>Eligibility windows by program and household (table <c>eligibility</c>).</summary>
public sealed class EligibilityStore(TableServiceClient service)
{
    private readonly TableClient table = service.GetTableClient(TableNames.Eligibility);

    /// <summary>Stores a window; the same flag stored twice leaves one row.</summary>
    public Task SaveAsync(string householdId, EligibilityWindow window, string sourceAgency, string evidenceReference, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new EligibilityEntity
        {
            PartitionKey = RowKeys.Sanitise(window.ProgramId),
            RowKey = RowKeys.Join(householdId, window.FlagId),
            HouseholdId = householdId,
            FlagId = window.FlagId,
            From = StoredDate.Format(window.Window.Start),
            To = StoredDate.Format(window.Window.End),
            DecisionDate = StoredDate.Format(window.DecisionDate),
            SourceAgency = sourceAgency,
            EvidenceReference = evidenceReference,
        }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// The windows of the given programs for the given households, grouped by household; one partition
    /// scan per program.
    /// </summary>
    public async Task<Dictionary<string, List<EligibilityWindow>>> ForHouseholdsAsync(
        IEnumerable<string> programIds, IReadOnlySet<string> householdIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<EligibilityWindow>>(StringComparer.Ordinal);
        foreach (var programId in programIds.Distinct())
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Sanitise(programId)}");
            await foreach (var e in table.QueryAsync<EligibilityEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (!householdIds.Contains(e.HouseholdId))
                    continue;
                if (!result.TryGetValue(e.HouseholdId, out var windows))
                    result[e.HouseholdId] = windows = [];
                windows.Add(new EligibilityWindow(programId,
                    new DateInterval(StoredDate.Parse(e.From), StoredDate.Parse(e.To)), StoredDate.Parse(e.DecisionDate), e.FlagId));
            }
        }
        return result;
    }

    /// <summary>Every stored window of a program, for reports.</summary>
    public IAsyncEnumerable<EligibilityEntity> AllAsync(CancellationToken cancellationToken) =>
        table.QueryAsync<EligibilityEntity>(cancellationToken: cancellationToken);
}
