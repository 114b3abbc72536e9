using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Eligibility.Criteria;
using Tariffs.Domain.Ledger;

namespace Tariffs.Application.Eligibility;

/// <summary>
/// The eligibility a line is priced with: the agency's windows as they count for the line (<see cref="EligibilityAsOf"/>)
/// and, for every program of the catalog with criteria, the windows determined from the household's stored facts
/// (<see cref="EligibilityDetermination"/>), an agency's flag or revocation for a program winning over its determination.
/// Determinations are never stored: they are a pure function of the facts stored and the catalog, computed where a line
/// is priced, so facts that shrink a determined window need no deletion. Facts are read only for a catalog with criteria.
/// </summary>
public sealed class EffectiveEligibility(IEligibility eligibility, IHouseholdFacts facts)
{
    /// <summary>The eligibility of the given households for the catalog's programs, with their facts when the catalog has criteria (households with none are left out).</summary>
    public Task<Dictionary<string, HouseholdEligibility>> ForHouseholdsAsync(ServiceCatalog catalog, IReadOnlySet<string> householdIds, CancellationToken cancellationToken) =>
        ForHouseholdsAsync([catalog], householdIds, cancellationToken);

    /// <summary>
    /// The eligibility of the given households for the programs of every catalog given (a published catalog and a draft
    /// of it), with their facts when one of them has criteria: one read of the flags and one of the facts, whatever the
    /// number of households (households with none are left out).
    /// </summary>
    public async Task<Dictionary<string, HouseholdEligibility>> ForHouseholdsAsync(IReadOnlyCollection<ServiceCatalog> catalogs, IReadOnlySet<string> householdIds, CancellationToken cancellationToken)
    {
        var programs = catalogs.SelectMany(c => c.Programs.Select(p => p.Id)).Distinct(StringComparer.Ordinal);
        var found = await eligibility.ForHouseholdsAsync(programs, householdIds, cancellationToken).ConfigureAwait(false);
        if (!catalogs.Any(Determines))
            return found;
        foreach (var (household, statements) in await facts.ForHouseholdsAsync(householdIds, cancellationToken).ConfigureAwait(false))
            found[household] = found.GetValueOrDefault(household, HouseholdEligibility.None) with { Facts = statements };
        return found;
    }

    /// <summary>
    /// <see cref="ForHouseholdsAsync(ServiceCatalog, IReadOnlySet{string}, CancellationToken)"/>, with the facts change
    /// marker read first when the catalog has criteria: for <see cref="RereadAsync"/>.
    /// </summary>
    public async Task<EligibilityRead> ReadAsync(ServiceCatalog catalog, IReadOnlySet<string> householdIds, CancellationToken cancellationToken)
    {
        var marker = Determines(catalog) ? await facts.ChangeMarkerAsync(cancellationToken).ConfigureAwait(false) : null;
        return new EligibilityRead(await ForHouseholdsAsync(catalog, householdIds, cancellationToken).ConfigureAwait(false), marker);
    }

    /// <summary>
    /// The same households' eligibility read again, as <see cref="ForHouseholdsAsync(ServiceCatalog, IReadOnlySet{string}, CancellationToken)"/>
    /// would now, after <paramref name="earlier"/>: the flags always, the facts only when a statement was stored since
    /// the earlier read began (the marker changed), else the earlier read's facts, which are then every statement saved
    /// before this call (<see cref="IHouseholdFacts.ChangeMarkerAsync"/>). A pricing looks twice (before pricing, and
    /// once its lines are in the ledger): with no new statement in between, the second look costs no facts read.
    /// </summary>
    public async Task<Dictionary<string, HouseholdEligibility>> RereadAsync(ServiceCatalog catalog, IReadOnlySet<string> householdIds, EligibilityRead earlier, CancellationToken cancellationToken)
    {
        if (earlier.FactsMarker is not { } marker || await facts.ChangeMarkerAsync(cancellationToken).ConfigureAwait(false) != marker)
            return await ForHouseholdsAsync(catalog, householdIds, cancellationToken).ConfigureAwait(false);
        var found = await eligibility.ForHouseholdsAsync(catalog.Programs.Select(p => p.Id), householdIds, cancellationToken).ConfigureAwait(false);
        foreach (var (household, before) in earlier.Households)
        {
            if (before.Facts.Count > 0 && householdIds.Contains(household))
                found[household] = found.GetValueOrDefault(household, HouseholdEligibility.None) with { Facts = before.Facts };
        }
        return found;
    }

    /// <summary>The eligibility of one household for the catalog's programs, with its facts when the catalog has criteria.</summary>
    public async Task<HouseholdEligibility> ForHouseholdAsync(ServiceCatalog catalog, string householdId, CancellationToken cancellationToken)
    {
        var found = await eligibility.ForHouseholdAsync(catalog.Programs.Select(p => p.Id), householdId, cancellationToken).ConfigureAwait(false);
        return Determines(catalog) ? found with { Facts = await facts.ForHouseholdAsync(householdId, cancellationToken).ConfigureAwait(false) } : found;
    }

    /// <summary>
    /// What <see cref="ForHouseholdAsync"/> reads, from a household's rows held elsewhere (an export's): its windows and
    /// revocations of the catalog's programs, and its facts statements when the catalog has criteria.
    /// </summary>
    public static HouseholdEligibility For(ServiceCatalog catalog, HouseholdEligibility stored, IReadOnlyList<StoredFacts> statements)
    {
        if (stored.Count == 0 && statements.Count == 0)
            return HouseholdEligibility.None;
        var programs = catalog.Programs.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return new HouseholdEligibility([.. stored.Windows.Where(w => programs.Contains(w.ProgramId))], [.. stored.Revocations.Where(r => programs.Contains(r.ProgramId))])
        {
            Facts = Determines(catalog) ? statements : [],
        };
    }

    /// <summary>Whether a program of the catalog has criteria (eligibility is determined from facts).</summary>
    public static bool Determines(ServiceCatalog catalog) => catalog.Programs.Any(p => p.Criteria is not null);

    /// <summary>
    /// The windows a line over <paramref name="period"/>, first priced at <paramref name="pricedAt"/>, is priced with.
    /// For each program with criteria the household's facts are judged from the first statement's day (so a window keeps
    /// its true first day, which start policies count from) to the period's end. Facts received after the line was
    /// first priced may grant retroactively (a late grant); they take eligibility away retroactively only if the
    /// program claws back — otherwise the line also keeps, on the days the current facts no longer grant, the windows
    /// determined from the facts received by <paramref name="pricedAt"/>.
    /// </summary>
    public static IReadOnlyList<EligibilityWindow> Windows(HouseholdEligibility eligibility, ServiceCatalog catalog, DateInterval period, Instant pricedAt) =>
        ForLine(eligibility, catalog, period, pricedAt).Windows;

    /// <summary>
    /// The windows a line is priced with (<see cref="Windows"/>) and how the household is eligible on it per program
    /// (<see cref="EligibilityBasis"/>: the agency's windows as they count, the determined windows before the agency's
    /// decisions are merged over them), which the ledger records with the line and its corrections.
    /// </summary>
    public static LineEligibility ForLine(HouseholdEligibility eligibility, ServiceCatalog catalog, DateInterval period, Instant pricedAt)
    {
        var agency = EligibilityAsOf.Windows(eligibility, catalog, pricedAt);
        if (eligibility.Facts.Count == 0)
            return new LineEligibility(agency, EligibilityBasis.Of(catalog.Programs, agency, [], period));
        var all = eligibility.Facts.Select(f => f.Facts).ToList();
        var known = eligibility.Facts.Where(f => f.ReceivedAt <= pricedAt).Select(f => f.Facts).ToList();
        var determined = new List<EligibilityWindow>();
        foreach (var program in catalog.Programs)
        {
            if (program.Criteria is not { } criteria)
                continue;
            var now = EligibilityDetermination.Windows(Periods(program.Id, criteria, all, period));
            determined.AddRange(now);
            if (!program.ClawBack && known.Count is > 0 && known.Count < all.Count)
                determined.AddRange(Beyond(EligibilityDetermination.Windows(Periods(program.Id, criteria, known, period)), now));
        }
        var decided = eligibility.Windows.Select(w => w.ProgramId).Concat(eligibility.Revocations.Select(r => r.ProgramId)).ToHashSet(StringComparer.Ordinal);
        return new LineEligibility(EligibilityDetermination.Merge(agency, decided, determined), EligibilityBasis.Of(catalog.Programs, agency, determined, period));
    }

    /// <summary>The determined periods of a program from the facts, from the first statement's day (or the period's start when earlier) to the period's end.</summary>
    public static IReadOnlyList<DeterminedPeriod> Periods(string programId, Criterion criteria, IReadOnlyList<HouseholdFacts> statements, DateInterval period)
    {
        if (statements.Count == 0)
            return [];
        var first = statements.Min(f => f.AsOf);
        var start = first < period.Start ? first : period.Start;
        return EligibilityDetermination.Determine(programId, criteria, statements, new DateInterval(start, period.End));
    }

    /// <summary>
    /// The parts of the <paramref name="earlier"/> windows on days no window of <paramref name="now"/> covers, each
    /// named after its own first day (<c>determined:{program}:{from}</c>).
    /// </summary>
    private static IEnumerable<EligibilityWindow> Beyond(IReadOnlyList<EligibilityWindow> earlier, IReadOnlyList<EligibilityWindow> now)
    {
        foreach (var window in earlier)
        {
            var pieces = new List<DateInterval> { window.Window };
            foreach (var covered in now.Select(w => w.Window))
                pieces = [.. pieces.SelectMany(p => Minus(p, covered))];
            foreach (var piece in pieces)
                yield return window with { Window = piece, DecisionDate = piece.Start, FlagId = $"{EligibilityDetermination.FlagPrefix}{window.ProgramId}:{piece.Start:yyyy-MM-dd}" };
        }
    }

    private static IEnumerable<DateInterval> Minus(DateInterval piece, DateInterval covered)
    {
        if (covered.End < piece.Start || covered.Start > piece.End)
        {
            yield return piece;
            yield break;
        }
        if (covered.Start > piece.Start)
            yield return new DateInterval(piece.Start, covered.Start.PlusDays(-1));
        if (covered.End < piece.End)
            yield return new DateInterval(covered.End.PlusDays(1), piece.End);
    }
}
