using System.Diagnostics;
using Azure;
using Azure.Data.Tables;

namespace Tariffs.Storage.Eligibility;

/// <summary>
/// A process-wide copy of one program's partition of the eligibility table, kept current incrementally: the first
/// read scans the partition; each later read asks only for rows whose server <c>Timestamp</c> is at or after the
/// server time of the previous read's first answer, less <see cref="Margin"/>. Eligibility rows are insert-only
/// (never updated or deleted), so adding the rows not seen yet, by RowKey, is the whole merge.
/// </summary>
/// <remarks>
/// Why nothing is missed: a row committed before a refresh starts is returned by it, or has a Timestamp older than
/// that refresh's lower bound, in which case it was committed before an earlier refresh's first answer (with the
/// margin to spare for the one-second precision of the <c>Date</c> header and commit reordering) and is cached
/// already. A chunk refreshes again once its lines are in the ledger, so a flag stored before that refresh is seen
/// (and the household recomputed), and a flag stored after it finds the lines in the ledger. Memory grows with the program's eligible households
/// (the columns the engine needs only), not with batch size.
/// </remarks>
public sealed class ProgramEligibilityCache(string programId)
{
    /// <summary>How far before the previous refresh's server time the next refresh starts reading.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    /// <summary>The columns the engine and reports read (not the evidence reference or agency).</summary>
    private static readonly string[] Columns =
    [
        nameof(EligibilityEntity.RowKey), nameof(EligibilityEntity.Kind), nameof(EligibilityEntity.HouseholdId), nameof(EligibilityEntity.FlagId), nameof(EligibilityEntity.From),
        nameof(EligibilityEntity.To), nameof(EligibilityEntity.EffectiveDate), nameof(EligibilityEntity.DecisionDate), nameof(EligibilityEntity.ReceivedAt),
        nameof(EligibilityEntity.FactsAsOf), nameof(EligibilityEntity.AnnualIncome), nameof(EligibilityEntity.IncomeReferenceYear),
        nameof(EligibilityEntity.Persons), nameof(EligibilityEntity.PensionersOnly), nameof(EligibilityEntity.MedicalNeed),
        nameof(EligibilityEntity.ChequeEnergieAttestation),
    ];

    private readonly object gate = new();
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private long lastRefreshStarted = long.MinValue;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EligibilityEntity>> byHousehold = new(StringComparer.Ordinal);
    private DateTimeOffset? since;

    /// <summary>The program whose partition this caches.</summary>
    public string ProgramId { get; } = programId;

    /// <summary>
    /// Makes the cache hold at least every row stored before this call: waits for a refresh that starts after the call
    /// began, running it itself when none does. Concurrent callers share refreshes (one at a time per program), so a
    /// burst of chunks costs a few queries, not one each, and the first full scan is made once.
    /// </summary>
    public async Task RefreshAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var requested = Stopwatch.GetTimestamp();
        await refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A refresh that started after this call began and has completed covers it.
            if (Volatile.Read(ref lastRefreshStarted) > requested)
                return;
            var started = Stopwatch.GetTimestamp();
            await ReadNewRowsAsync(table, partitionKey, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref lastRefreshStarted, started);
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>Reads what was stored since the last refresh (everything, the first time).</summary>
    private async Task ReadNewRowsAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        DateTimeOffset? from;
        lock (gate)
            from = since - Margin;
        var filter = from is { } f
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and Timestamp ge {f}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        DateTimeOffset? serverTime = null;
        var rows = new List<EligibilityEntity>();
        await foreach (var page in table.QueryAsync<EligibilityEntity>(filter, select: Columns, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            serverTime ??= page.GetRawResponse().Headers.Date ?? DateTimeOffset.UtcNow;
            rows.AddRange(page.Values);
        }
        lock (gate)
        {
            foreach (var row in rows)
            {
                if (!seen.Add(row.RowKey))
                    continue;
                if (!byHousehold.TryGetValue(row.HouseholdId, out var list))
                    byHousehold[row.HouseholdId] = list = [];
                list.Add(row);
            }
            if (serverTime is { } t && (since is null || t > since))
                since = t;
        }
    }

    /// <summary>The cached rows of the given households, by household.</summary>
    public List<EligibilityEntity> RowsOf(IEnumerable<string> householdIds)
    {
        var rows = new List<EligibilityEntity>();
        lock (gate)
        {
            foreach (var household in householdIds)
                if (byHousehold.TryGetValue(household, out var list))
                    rows.AddRange(list);
        }
        return rows;
    }
}
