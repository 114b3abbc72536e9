using System.Globalization;
using System.Text;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// Which ledger partition count and chunk size keep a billing run under Azure Table storage's scalability targets
/// (about 2,000 entities/s per partition, 20,000 transactions/s per account): a model of the writes a chunk makes, not a
/// measurement. Per chunk of C lines over P partitions: ledger rows C × (1 + items per line) in 100-entity transactions
/// per partition; report packs (about <see cref="LinesPerPack"/> lines each, all of one unit) in one transaction per
/// partition; and a fixed overhead (eligibility queries, the unit mark, the chunk record, the adjustments blob, queue
/// messages). Partitions are written evenly (households hash uniformly). The run is limited by whichever target it reaches
/// first: P × 2,000 ÷ (1 + items per line) lines/s by the partitions, 20,000 ÷ transactions per line by the account —
/// or, if each entity of a transaction counts against the account's target (the conservative reading), 20,000 ÷
/// entities per line, whatever the partition count.
/// </summary>
public static class LoadModel
{
    /// <summary>Per-partition target of Table storage (entities/s).</summary>
    public const double EntitiesPerPartitionPerSecond = 2_000;

    /// <summary>Per-account target of Table storage (transactions/s; a 100-entity transaction counts one).</summary>
    public const double TransactionsPerAccountPerSecond = 20_000;

    /// <summary>Lines in one report pack row (about 150 bytes each in 30,000).</summary>
    public const int LinesPerPack = 200;

    /// <summary>Storage transactions of a chunk besides its ledger and report rows (eligibility, unit mark, chunk record, blob, queue).</summary>
    public const int OverheadPerChunk = 8;

    /// <summary>One configuration's figures for a run: transactions per line, the load on a partition and on the account at the run's rate, the most lines/s the targets allow, and whether the run fits.</summary>
    public sealed record Case(int Partitions, int ChunkSize, double ItemsPerLine, double TransactionsPerLine, double PartitionEntitiesPerSecond,
        double AccountTransactionsPerSecond, double AccountEntitiesPerSecond, double MaxLinesPerSecond, double HoursAtMax, bool Fits);

    /// <summary>The figures of a run of <paramref name="lines"/> lines in <paramref name="hours"/> hours at <paramref name="partitions"/> and <paramref name="chunkSize"/>.</summary>
    public static Case Evaluate(long lines, double hours, int partitions, int chunkSize, double itemsPerLine)
    {
        var rate = lines / (hours * 3600);
        var perPartition = chunkSize / (double)partitions;
        var ledgerTransactions = partitions * Math.Ceiling(perPartition * (1 + itemsPerLine) / 100);
        var packTransactions = partitions * Math.Ceiling(Math.Ceiling(perPartition / LinesPerPack) / 100);
        var transactionsPerLine = (ledgerTransactions + packTransactions + OverheadPerChunk) / chunkSize;
        var entitiesPerPartition = rate * (1 + itemsPerLine) / partitions;
        var accountTransactions = rate * transactionsPerLine;
        var entitiesPerLine = 1 + itemsPerLine + Math.Ceiling(perPartition / LinesPerPack) * partitions / chunkSize + OverheadPerChunk / (double)chunkSize;
        var accountEntities = rate * entitiesPerLine;
        var max = Math.Min(partitions * EntitiesPerPartitionPerSecond / (1 + itemsPerLine),
            Math.Min(TransactionsPerAccountPerSecond / transactionsPerLine, TransactionsPerAccountPerSecond / entitiesPerLine));
        return new Case(partitions, chunkSize, itemsPerLine, transactionsPerLine, entitiesPerPartition, accountTransactions, accountEntities, max, lines / max / 3600,
            entitiesPerPartition <= EntitiesPerPartitionPerSecond && accountEntities <= TransactionsPerAccountPerSecond);
    }

    /// <summary>
    /// The Markdown table of a national run (<paramref name="lines"/> lines in <paramref name="hours"/> hours) over
    /// partition counts and chunk sizes, with the smallest fitting configuration that keeps half the targets in reserve.
    /// </summary>
    public static string Markdown(long lines = 30_000_000, double hours = 8, double itemsPerLine = 0.5)
    {
        var cases = (from p in new[] { 1, 2, 4, 8, 16, 32 } from c in new[] { 500, 1_000, 2_000, 5_000 } select Evaluate(lines, hours, p, c, itemsPerLine)).ToList();
        var s = new StringBuilder();
        s.AppendLine(Inv($"## Load model: {lines:N0} lines in {hours:N0} hours ({lines / (hours * 3600):N0} lines/s), {itemsPerLine:N1} ledger items per line"));
        s.AppendLine();
        s.AppendLine("| partitions | chunk | transactions/line | entities/s per partition (≤ 2,000) | account transactions/s | account entities/s (≤ 20,000) | fits | max lines/s | hours at max |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var c in cases)
            s.AppendLine(Inv($"| {c.Partitions} | {c.ChunkSize:N0} | {c.TransactionsPerLine:N4} | {c.PartitionEntitiesPerSecond:N0} | {c.AccountTransactionsPerSecond:N0} | {c.AccountEntitiesPerSecond:N0} | {(c.Fits ? "yes" : "**no**")} | {c.MaxLinesPerSecond:N0} | {c.HoursAtMax:N1} |"));
        var advised = cases.Where(c => c.PartitionEntitiesPerSecond <= EntitiesPerPartitionPerSecond / 2 && c.AccountEntitiesPerSecond <= TransactionsPerAccountPerSecond / 2)
            .OrderBy(c => c.Partitions).ThenByDescending(c => c.ChunkSize).FirstOrDefault();
        s.AppendLine();
        s.AppendLine(advised is null
            ? "No configuration keeps half the targets in reserve: split the run over several storage accounts."
            : Inv($"Smallest configuration with half the targets in reserve: {advised.Partitions} partitions, chunks of {advised.ChunkSize:N0} lines ({advised.PartitionEntitiesPerSecond:N0} entities/s per partition, {advised.AccountTransactionsPerSecond:N0} transactions/s and {advised.AccountEntitiesPerSecond:N0} entities/s on the account; at most {advised.MaxLinesPerSecond:N0} lines/s, the run in {advised.HoursAtMax:N1} h)."));
        return s.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
