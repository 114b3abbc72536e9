using System.Runtime.CompilerServices;
using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Ledger;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="ILedger"/> in memory, for fast tests of the use cases: the same semantics as the Table adapter, pinned by
/// the one contract suite both pass — first write wins, a line is appended whole or not at all, items in rule then
/// sequence order, storage times from <paramref name="clock"/>. Like Table storage, a line holding a text longer than
/// <see cref="MaxText"/> characters is refused alone. Thread-safe (one lock).
/// </summary>
public sealed class InMemoryLedger(IClock? clock = null) : ILedger
{
    /// <summary>Longest text Table storage keeps in one property (64 KiB of UTF-16).</summary>
    public const int MaxText = 32_768;

    private readonly IClock clock = clock ?? SystemClock.Instance;
    private readonly Lock gate = new();
    private readonly SortedDictionary<(string Household, string Batch, int Line), LedgerLine> lines = new(new KeyOrder());
    private readonly Dictionary<string, (PendingPublication Publication, Instant StoredAt)> outbox = new(StringComparer.Ordinal);

    public Task<LedgerAppend> AppendAsync(IReadOnlyList<LedgerLine> appended, CancellationToken cancellationToken)
    {
        var inserted = 0;
        var stored = new List<LedgerLine>();
        var refused = new List<RefusedLine>();
        lock (gate)
        {
            var now = clock.GetCurrentInstant();
            foreach (var line in appended)
            {
                if (lines.ContainsKey(Key(line.Id)))
                {
                    stored.Add(line);
                    continue;
                }
                if (TooLong(line) is { } text)
                {
                    refused.Add(new RefusedLine(line, $"storage refused its ledger rows: {text} longer than {MaxText} characters"));
                    continue;
                }
                lines[Key(line.Id)] = line with { StoredAt = now, Items = Ordered(line.Items.Select(i => i with { StoredAt = now })) };
                inserted += 1 + line.Items.Count;
            }
        }
        return Task.FromResult(new LedgerAppend(inserted, stored, refused));
    }

    public Task<PendingPublication?> TryAppendCorrectionsAsync(LedgerLine line, IReadOnlyList<LedgerItem> corrections, string publication, CancellationToken cancellationToken)
    {
        if (corrections.Count == 0)
            throw new ArgumentException("Nothing to append.", nameof(corrections));
        lock (gate)
        {
            if (!lines.TryGetValue(Key(line.Id), out var stored))
                throw new InvalidOperationException($"Line {line.LineNumber} of batch {line.BatchId} is not in the ledger.");
            var ids = stored.Items.Select(i => i.Id).ToHashSet();
            if (corrections.Any(c => !ids.Add(c.Id)))
                return Task.FromResult<PendingPublication?>(null);
            var now = clock.GetCurrentInstant();
            lines[Key(line.Id)] = stored with { Items = Ordered(stored.Items.Concat(corrections.Select(c => c with { StoredAt = now }))) };
            var pending = new PendingPublication($"{line.HouseholdId}|{line.BatchId}|{line.LineNumber}|{corrections[0].RuleId}|{corrections[0].Sequence}", publication);
            outbox[pending.Id] = (pending, now);
            return Task.FromResult<PendingPublication?>(pending);
        }
    }

    public Task CompletePublicationAsync(PendingPublication pending, CancellationToken cancellationToken)
    {
        lock (gate)
            outbox.Remove(pending.Id);
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<PendingPublication> PendingPublicationsAsync(Instant before, CancellationToken cancellationToken)
    {
        lock (gate)
            return Stream([.. outbox.Values.Where(o => o.StoredAt < before).Select(o => o.Publication)], cancellationToken);
    }

    public Task<LedgerLine?> ReadLineAsync(LedgerLineId id, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(lines.GetValueOrDefault(Key(id)));
    }

    public Task<IReadOnlyList<LedgerLine>> ReadLinesAsync(IEnumerable<LedgerLineId> ids, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult<IReadOnlyList<LedgerLine>>([.. ids.Distinct().Select(id => lines.GetValueOrDefault(Key(id))).OfType<LedgerLine>()]);
    }

    public IAsyncEnumerable<LedgerLine> ReadHouseholdAsync(string householdId, CancellationToken cancellationToken) =>
        Where(l => l.HouseholdId == householdId, cancellationToken);

    public IAsyncEnumerable<LedgerLine> ReadBatchAsync(string batchId, CancellationToken cancellationToken) =>
        Where(l => l.BatchId == batchId, cancellationToken);

    /// <summary>Four shards, by FNV-1a of the household id: all of a household's lines in one.</summary>
    public int Shards => 4;

    /// <summary>In key order (household, batch, line); after a line, the keys above its key.</summary>
    public IAsyncEnumerable<LedgerLine> ReadShardAsync(int shard, LedgerRange range, LedgerLineId? after, CancellationToken cancellationToken)
    {
        var order = new KeyOrder();
        lock (gate)
            return Stream([.. InShard(shard, range).Where(l => after is not { } start || order.Compare(Key(l.Id), Key(start)) > 0).Select(l => l with { Items = [] })], cancellationToken);
    }

    public Task<long> CountShardAsync(int shard, LedgerRange range, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult((long)InShard(shard, range).Count());
    }

    /// <summary>The lines of a shard in the range, in key order (call under the gate).</summary>
    private IEnumerable<LedgerLine> InShard(int shard, LedgerRange range)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, Shards);
        return lines.Values.Where(l => range.Contains(l.Authority, l.Service, l.Period.End) && ShardOf(l.HouseholdId) == shard);
    }

    public IAsyncEnumerable<LedgerRead> ReadAllForReportsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
            return Stream([.. lines.Values.Select(l => new LedgerRead([l.HouseholdId, l.BatchId, l.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                l.Authority, l.Service, l.HouseholdId, l, null))], cancellationToken);
    }

    private IAsyncEnumerable<LedgerLine> Where(Func<LedgerLine, bool> predicate, CancellationToken cancellationToken)
    {
        lock (gate)
            return Stream([.. lines.Values.Where(predicate)], cancellationToken); // a snapshot, in key order
    }

    private static async IAsyncEnumerable<T> Stream<T>(IReadOnlyList<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private int ShardOf(string householdId)
    {
        var hash = 2166136261u;
        foreach (var c in householdId)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % (uint)Shards);
    }

    private static (string, string, int) Key(LedgerLineId id) => (id.HouseholdId, id.BatchId, id.LineNumber);

    private static IReadOnlyList<LedgerItem> Ordered(IEnumerable<LedgerItem> items) =>
        [.. items.OrderBy(i => i.RuleId, StringComparer.Ordinal).ThenBy(i => i.Sequence)];

    /// <summary>The name of the first text of the line's rows that Table storage would refuse, or null.</summary>
    private static string? TooLong(LedgerLine line)
    {
        (string Name, string Value)[] texts = [("area", line.Area), ("account", line.AccountId), ("unit", line.Unit), ("tariff", line.TariffCode), ("notes", line.Notes)];
        return texts.FirstOrDefault(t => t.Value.Length > MaxText).Name;
    }

    /// <summary>Household, then batch, then line number, ids compared ordinally: the Table adapter's key order for plain ids.</summary>
    private sealed class KeyOrder : IComparer<(string Household, string Batch, int Line)>
    {
        public int Compare((string Household, string Batch, int Line) x, (string Household, string Batch, int Line) y) =>
            string.CompareOrdinal(x.Household, y.Household) is var h and not 0 ? h
            : string.CompareOrdinal(x.Batch, y.Batch) is var b and not 0 ? b
            : x.Line.CompareTo(y.Line);
    }
}
