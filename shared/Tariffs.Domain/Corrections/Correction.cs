using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Corrections;

/// <summary>
/// A corrective adjustment for a line already billed: a new item holding the difference between what the
/// rule gives now and what was already posted for it (never an edit of a posted item). <see cref="Sequence"/>
/// is the number of items already posted for the rule, so the original is 0 and the first correction 1: with
/// the batch id, line number and rule id it makes the correction's idempotency key.
/// </summary>
public sealed record Correction(Adjustment Adjustment, int Sequence, decimal AlreadyPosted, decimal Recomputed);
