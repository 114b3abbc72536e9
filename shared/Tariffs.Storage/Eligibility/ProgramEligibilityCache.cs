using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Domain.Eligibility;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Eligibility;

/// <summary>
/// A process-wide copy of one program's partition of the eligibility table, kept current incrementally: the first
/// read scans the partition; each later read first reads the partition's <see cref="ChangeMarker"/> and,
/// when a row was stored since the previous read (the marker changed, or there is none), asks only for rows whose
/// server <c>Timestamp</c> is at or after the server time of the last query's first answer, less <see cref="Margin"/>.
/// Eligibility rows are insert-only (never updated or deleted), so adding the rows not seen yet, by RowKey, is the
/// whole merge.
/// </summary>
/// <remarks>
/// Why nothing is missed: a refresh that finds the marker it read before the previous refresh skips the query, and
/// rightly: every write replaces the marker with a new random value in the row's own transaction, so no row was
/// committed since that read, and the rows committed before it were there for the previous refresh's query. A refresh
/// that queries: a row committed before a refresh starts is returned by it, or has a Timestamp older than
/// that refresh's lower bound, in which case it was committed before an earlier refresh's first answer (with the
/// margin to spare for the one-second precision of the <c>Date</c> header and commit reordering) and is cached
/// already. A chunk refreshes again once its lines are in the ledger, so a flag stored before that refresh is seen
/// (and the household recomputed), and a flag stored after it finds the lines in the ledger. Memory grows with the program's eligible households,
/// not with batch size: each row is held decoded (<see cref="EligibilityEntity.ToFact"/>: a window or revocation, about
/// 300 bytes against ~2 KB for the row as read), under its household, in an array; a row that does not decode is held as
/// read, and decoded again (throwing) only when one of its household's lines asks for it, so it costs no other household.
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
    /// <summary>Whether the partition was read once (wholly) already; set, as <see cref="lastMarker"/>, under <see cref="refreshing"/>.</summary>
    private bool read;
    /// <summary>The <see cref="ChangeMarker"/> read before the last refresh (null: none stored yet, every refresh queries).</summary>
    private string? lastMarker;
    /// <summary>By household: its windows (<see cref="EligibilityWindow"/>), revocations (<see cref="StoredRevocation"/>) and rows that do not decode (<see cref="EligibilityEntity"/>).</summary>
    private readonly Dictionary<string, object[]> byHousehold = new(StringComparer.Ordinal);
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
            // Read before the query: a row stored after this read replaces the marker, so the next refresh queries again.
            var marker = await ChangeMarker.ReadAsync(table, partitionKey, cancellationToken).ConfigureAwait(false);
            if (!read || marker is null || marker != lastMarker)
                await ReadNewRowsAsync(table, partitionKey, cancellationToken).ConfigureAwait(false);
            (read, lastMarker) = (true, marker);
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
            foreach (var row in rows.Where(r => r.RowKey != ChangeMarker.RowKey))
            {
                var held = byHousehold.GetValueOrDefault(row.HouseholdId, []);
                if (!held.Any(h => IsRow(h, row)))
                    byHousehold[row.HouseholdId] = [.. held, Decoded(row)];
            }
            if (serverTime is { } t && (since is null || t > since))
                since = t;
        }
    }

    /// <summary>
    /// The windows and revocations of the given households, each with its household; throws as
    /// <see cref="EligibilityEntity.ToFact"/> does when one of their rows does not decode.
    /// </summary>
    public List<(string HouseholdId, object Fact)> FactsOf(IEnumerable<string> householdIds)
    {
        var facts = new List<(string, object)>();
        lock (gate)
        {
            foreach (var household in householdIds)
                if (byHousehold.TryGetValue(household, out var held))
                    facts.AddRange(held.Select(h => (household, h is EligibilityEntity row ? row.ToFact(ProgramId) : h)));
        }
        return facts;
    }

    /// <summary>The row decoded, or the row itself when it does not decode.</summary>
    private object Decoded(EligibilityEntity row)
    {
        try
        {
            return row.ToFact(ProgramId);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            return row;
        }
    }

    /// <summary>True when <paramref name="held"/> is what <paramref name="row"/> holds (a row key is household | f or r | id).</summary>
    private static bool IsRow(object held, EligibilityEntity row) => held switch
    {
        EligibilityWindow w => row.Kind != EligibilityEntity.RevocationKind && w.FlagId == row.FlagId,
        StoredRevocation r => row.Kind == EligibilityEntity.RevocationKind && r.RevocationId == row.FlagId,
        EligibilityEntity e => e.RowKey == row.RowKey,
        _ => false,
    };
}
