using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Tariffs.Application.Catalog;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Ports;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Eligibility.Criteria;

namespace Tariffs.Application.Households;

/// <summary>
/// Assembles a household's eligibility (authorised callers only): for every program of every published catalog with
/// a flag, a revocation or criteria the household's facts are judged by, the agency's decisions and the periods
/// determined from all the facts stored now, from the first statement's day on (<see cref="EffectiveEligibility.Periods"/>).
/// </summary>
public sealed class EligibilityExplainer(IEligibility eligibility, IHouseholdFacts facts, CatalogRepository catalogs)
{
    /// <summary>The explanation (no program and no facts when nothing is known) and the agencies that sent its flags, revocations or facts.</summary>
    public async Task<(EligibilityExplanation Explanation, IReadOnlySet<string> Agencies)> ExplainAsync(string householdId, CancellationToken cancellationToken)
    {
        var statements = await facts.ForHouseholdAsync(householdId, cancellationToken).ConfigureAwait(false);
        var used = new Dictionary<HouseholdFacts, StoredFacts>(ReferenceEqualityComparer.Instance);
        foreach (var statement in statements)
            used[statement.Facts] = statement;
        var all = statements.Select(s => s.Facts).ToList();
        var programs = new List<ExplainedProgram>();
        var agencies = statements.Select(s => s.SourceAgency).ToHashSet(StringComparer.Ordinal);
        foreach (var catalog in await catalogs.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            var ids = catalog.Programs.Select(p => p.Id).ToList();
            var stored = await eligibility.ForHouseholdAsync(ids, householdId, cancellationToken).ConfigureAwait(false);
            if (stored.Count > 0)
                agencies.UnionWith(await eligibility.SourceAgenciesAsync(ids, householdId, cancellationToken).ConfigureAwait(false));
            foreach (var program in catalog.Programs)
            {
                var flags = stored.Windows.Where(w => w.ProgramId == program.Id).ToList();
                var revocations = stored.Revocations.Where(r => r.ProgramId == program.Id).ToList();
                var determined = program.Criteria is { } criteria && all.Count > 0
                    ? EffectiveEligibility.Periods(program.Id, criteria, all, new DateInterval(all.Min(f => f.AsOf), DateIntervals.OpenEnd))
                    : [];
                if (flags.Count == 0 && revocations.Count == 0 && determined.Count == 0)
                    continue;
                programs.Add(new ExplainedProgram(catalog.Authority, catalog.Service, program.Id, program.Name, program.ClawBack, program.Criteria is not null,
                    flags.Count > 0 || revocations.Count > 0,
                    [.. flags.Select(w => new ExplainedFlag(w.FlagId, Date(w.Window.Start), End(w.Window.End), Date(w.DecisionDate)))],
                    [.. revocations.Select(r => new ExplainedRevocation(r.RevocationId, Date(r.EffectiveDate), Date(r.DecisionDate)))],
                    [.. determined.Select(p => Explain(p, used[p.Facts]))]));
            }
        }
        return (new EligibilityExplanation(householdId, programs, [.. statements.Select(Explain)]), agencies);
    }

    private static ExplainedDetermination Explain(DeterminedPeriod period, StoredFacts statement) => new(
        Date(period.Period.Start), End(period.Period.End), period.Eligible,
        period.Eligible switch { true => "eligible", false => "not eligible", null => "unknown" },
        period.Eligible == true ? $"{EligibilityDetermination.FlagPrefix}{period.ProgramId}:{Date(period.Period.Start)}" : null,
        period.Finding.CriterionId, period.Finding.Kind, period.Finding.Why.ToString(), period.Finding.ToString(),
        [.. Sources(period.Finding).Distinct().Select(s => new ExplainedSource(s.Parameter, s.Version, s.Legal.Citation, s.Legal.Url))],
        statement.FactsId, Date(statement.Facts.AsOf));

    /// <summary>The parameters a finding and its parts read, depth first.</summary>
    private static IEnumerable<CriterionSource> Sources(CriterionFinding finding) => finding.Sources.Concat(finding.Parts.SelectMany(Sources));

    private static ExplainedFacts Explain(StoredFacts s) => new(
        s.FactsId, Date(s.Facts.AsOf), s.SourceAgency, s.EvidenceReference, InstantPattern.ExtendedIso.Format(s.ReceivedAt),
        s.Facts.AnnualIncome, s.Facts.IncomeReferenceYear, s.Facts.Persons, s.Facts.PensionersOnly, s.Facts.MedicalNeed, s.Facts.ChequeEnergieAttestation,
        s.Facts.SharedCustodyChildren, s.Facts.Benefits?.Select(b => new ExplainedBenefit(b.Code, Date(b.Period.Start), End(b.Period.End))).ToList(),
        s.Facts.MainResidence, s.Facts.Tenure);

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? End(LocalDate date) => date == DateIntervals.OpenEnd ? null : Date(date);
}
