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
    public string RuleVersions => Distinct(Segments, static s => s.RuleVersion, ",");

    /// <summary>Distinct legal references used, separated by "; ".</summary>
    public string LegalReferences => Distinct(Segments, static s => s.Legal.Citation, "; ");

    /// <summary>The distinct parts in order of first use, joined; the part itself when every term has the same (the usual case).</summary>
    private static string Distinct(IReadOnlyList<AdjustmentSegment> terms, Func<AdjustmentSegment, string> part, string separator)
    {
        if (terms.Count == 0)
            return "";
        var first = part(terms[0]);
        for (var i = 1; i < terms.Count; i++)
            if (!string.Equals(part(terms[i]), first, StringComparison.Ordinal))
                return string.Join(separator, terms.Select(part).Distinct());
        return first ?? "";
    }
}
