namespace Tariffs.Storage.Export;

/// <summary>
/// How far a queued export got in writing one table (<see cref="ExportJob.InProgress"/>): the blocks of its file staged
/// so far (numbered from 0, each a whole number of the table's pages), the rows they hold, and where the table's query
/// goes on after the last page staged (<see cref="Continuation"/>; null before the first). A delivery that finds it
/// stages the next block from there, so a long table is not read again from its first row.
/// </summary>
/// <param name="Table">The table being written.</param>
/// <param name="Continuation">The query's continuation token after the last page staged; null when none is staged yet.</param>
/// <param name="Blocks">Blocks staged and recorded.</param>
/// <param name="Rows">Rows in those blocks.</param>
public sealed record TableProgress(string Table, string? Continuation, int Blocks, long Rows);
