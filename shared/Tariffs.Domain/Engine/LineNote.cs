namespace Tariffs.Domain.Engine;

/// <summary>
/// Something a person reading the line must know: a rule of a program the household is eligible for that
/// did not apply, and why (for example "income unknown: rule tap-cap not applied").
/// </summary>
public sealed record LineNote(string RuleId, string ProgramId, string Text);
