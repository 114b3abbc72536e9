using Tariffs.Domain.Engine;

namespace Tariffs.Storage.Ledger;

/// <summary>
/// A corrective adjustment of a line: the difference between what a rule gives now and what is stored for
/// it, as correction <see cref="Number"/> (1, 2, …) of that rule on that line — a new row, never an edit.
/// <see cref="Note"/> says what it corrects, in words a person can check.
/// </summary>
public sealed record LedgerCorrection(Adjustment Adjustment, int Number, string Note);
