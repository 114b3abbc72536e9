namespace Tariffs.Domain.Ledger;

/// <summary>
/// An item of a line: the rule it belongs to and its sequence among that rule's items (0 for the original,
/// 1, 2, … for corrections). Unique within a line, so with the line's id it identifies an item for good.
/// </summary>
public readonly record struct LedgerItemId(string RuleId, int Sequence);
