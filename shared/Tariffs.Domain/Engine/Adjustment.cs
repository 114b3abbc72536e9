using NodaTime;
using Tariffs.Domain.Social;

namespace Tariffs.Domain.Engine;

/// <summary>
/// What one rule changed on one line: an amount rounded once to the minor unit (negative lowers the bill;
/// for a <see cref="RuleStep.Payment"/> it is paid to the household, apart from the bill), the rule and
/// program, the versions and legal references in force, the days it covers and the explanation terms.
/// </summary>
public sealed record Adjustment(
    string RuleId,
    string ProgramId,
    RuleStep Step,
    decimal Amount,
    DateInterval Covers,
    IReadOnlyList<AdjustmentSegment> Segments)
{
    /// <summary>Distinct rule versions used, comma-separated, oldest first.</summary>
    public string RuleVersions => string.Join(",", Segments.Select(s => s.RuleVersion).Distinct());

    /// <summary>Distinct legal references used, separated by "; ".</summary>
    public string LegalReferences => string.Join("; ", Segments.Select(s => s.Legal.Citation).Distinct());
}
