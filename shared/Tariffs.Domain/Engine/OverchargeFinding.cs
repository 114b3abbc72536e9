using Tariffs.Domain.Catalog;

namespace Tariffs.Domain.Engine;

/// <summary>
/// The operator billed a line more than the uniform standard tariff (repriced by the engine) plus the
/// tolerance: the excess is billed − repriced (both rounded), reported by area. When the authority asks for
/// refunds, <see cref="Refund"/> is the adjustment that gives the excess back (negative, step
/// <see cref="Social.RuleStep.Refund"/>); it is kept apart from the social adjustments.
/// </summary>
public sealed record OverchargeFinding(string Area, decimal Billed, decimal Repriced, decimal Excess, decimal Tolerance, LegalReference Legal, Adjustment? Refund);
