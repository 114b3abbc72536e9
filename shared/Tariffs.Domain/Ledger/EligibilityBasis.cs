using NodaTime;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Social;

namespace Tariffs.Domain.Ledger;

/// <summary>
/// What a line was priced with, per program of the catalog for which the household was eligible on a day of the line
/// (after the program's start policy): eligible by determination (the criteria against the facts), by an agency's flag,
/// or both — then the agency's decision is what priced it (<see cref="Eligibility.Criteria.EligibilityDetermination.Merge"/>).
/// A program is marked determined even when an agency's flag or revocation overrode the determination, so that a
/// household determined eligible who received nothing (the take-up gap) shows. Programs in catalog order; empty when
/// eligible for none. Recorded on the ledger at pricing (the line) and by every recomputation that posts a correction
/// (its items): <see cref="LedgerLine.Basis"/>.
/// </summary>
public sealed record EligibilityBasis(IReadOnlyList<ProgramBasis> Programs)
{
    /// <summary>Eligible for no program.</summary>
    public static EligibilityBasis None { get; } = new([]);

    /// <summary>The ways of every program, combined.</summary>
    public EligibilityWays Ways => Programs.Aggregate(EligibilityWays.None, (ways, p) => ways | p.Ways);

    /// <summary>
    /// The basis of a line over <paramref name="period"/>: for each program, whether one of its
    /// <paramref name="agency"/> windows (as they count for the line) and whether one of its <paramref name="determined"/>
    /// windows (before the agency's decisions are merged over them) gives an eligible day, after its start policy.
    /// </summary>
    public static EligibilityBasis Of(IReadOnlyList<SocialProgram> programs, IReadOnlyList<EligibilityWindow> agency, IReadOnlyList<EligibilityWindow> determined,
        DateInterval period)
    {
        ArgumentNullException.ThrowIfNull(programs);
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(determined);
        if (agency.Count == 0 && determined.Count == 0)
            return None;
        List<ProgramBasis>? found = null;
        foreach (var program in programs)
        {
            var ways = (Counts(program, determined, period) ? EligibilityWays.Determined : EligibilityWays.None)
                | (Counts(program, agency, period) ? EligibilityWays.Flagged : EligibilityWays.None);
            if (ways != EligibilityWays.None)
                (found ??= []).Add(new ProgramBasis(program.Id, ways));
        }
        return found is null ? None : new EligibilityBasis(found);
    }

    /// <summary>A basis whose programs are not known, only their combined <paramref name="ways"/> (what the report's projection keeps).</summary>
    public static EligibilityBasis OfWays(EligibilityWays ways) => ways == EligibilityWays.None ? None : new([new ProgramBasis("", ways)]);

    private static bool Counts(SocialProgram program, IReadOnlyList<EligibilityWindow> windows, DateInterval period)
    {
        foreach (var window in windows)
            if (string.Equals(window.ProgramId, program.Id, StringComparison.Ordinal)
                && EligibilityPolicy.Effective(window, program.Start, period) is { } effective && effective.Overlap(period) is not null)
                return true;
        return false;
    }
}
