namespace Tariffs.Domain.Corrections;

/// <summary>
/// A difference that would take back from the household what was already given (a credit or a payment) under
/// a program without claw-back: it is not posted, and is reported so that a person can see why.
/// </summary>
public sealed record WithheldCorrection(string RuleId, string ProgramId, decimal Amount, string Reason);
