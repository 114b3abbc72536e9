using Microsoft.Extensions.Logging;
using Tariffs.Application.Ports;
using Tariffs.Application.Catalog;
using Tariffs.Application.Contracts;
using Tariffs.Application.Reports;
using Tariffs.Domain.Universal.Restrictions;
using Tariffs.Application.Households;

namespace Tariffs.Application.Universal;

/// <summary>
/// Answers restriction requests with the published rules of the jurisdiction and the household's latest known
/// facts (sent by social services with its flags or on their own): allowed, blocked, or allowed with a limit, with the deciding
/// rule, its version and legal reference. A request that cannot be read, or is out of the <see cref="InputLimits"/>, is refused with the field at fault.
/// Each decision about a billed household is kept (table <c>events</c>) and blocked ones are counted by area in reports.
/// </summary>
public sealed partial class RestrictionChecker(
    UniversalServiceDocuments documents,
    CatalogRepository catalogs,
    IEligibility eligibility,
    IHouseholdFacts householdFacts,
    HouseholdLocator locator,
    IServiceEvents events,
    ReportChanges changes,
    ILogger<RestrictionChecker> logger)
{
    /// <summary>The decision, or the problems that prevent one.</summary>
    public async Task<(RestrictionDecision? Decision, IReadOnlyList<string> Errors)> CheckAsync(string json, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var m = errors.Read<RestrictionCheckMessage>(json, "restriction request");
        var jurisdiction = errors.Code(m?.Jurisdiction, "$.jurisdiction");
        var household = errors.Id(m?.HouseholdId, "$.householdId");
        var service = errors.Id(m?.Service, "$.service");
        var date = errors.InRange(errors.Required(m?.Date, "$.date"), "$.date");
        var mainResidence = errors.Required(m?.MainResidence, "$.mainResidence");
        RestrictionAction action = default;
        if (errors.Required(m?.Action, "$.action") is { } text && !Enum.TryParse(text, ignoreCase: true, out action))
            errors.Add("$.action", $"'{text}' is not one of disconnection, flowReduction, powerReduction");
        if (!errors.IsEmpty)
            return (null, errors.All);

        var rules = await documents.RestrictionsAsync(jurisdiction!, cancellationToken).ConfigureAwait(false);
        if (rules is null)
            return (null, [$"$.jurisdiction: no restriction rules are published for '{jurisdiction}'"]);
        var programs = (await catalogs.AllAsync(cancellationToken).ConfigureAwait(false)).SelectMany(c => c.Programs).Select(p => p.Id);
        var known = await eligibility.ForHouseholdAsync(programs, household!, cancellationToken).ConfigureAwait(false);
        var statements = await householdFacts.ForHouseholdAsync(household!, cancellationToken).ConfigureAwait(false);
        var facts = known.Windows.Select(w => w.Facts).Concat(statements.Select(s => s.Facts)).Where(f => f is not null).MaxBy(f => f!.AsOf);

        var decision = RestrictionGuard.Decide(new RestrictionRequest(household!, service!, action, date!.Value, mainResidence!.Value, facts), rules);
        LogDecision(logger, action, service!, jurisdiction!, decision.Verdict, decision.RuleId);
        if (await locator.LocateAsync(household!, service!, cancellationToken).ConfigureAwait(false) is { } where)
        {
            var stored = new StoredServiceEvent
            {
                Kind = StoredServiceEvent.RestrictionKind,
                Authority = where.Authority,
                Service = service!,
                Area = where.Area,
                HouseholdId = household!,
                Date = StoredDate.Format(date.Value),
                Verdict = decision.Verdict.ToString(),
                RuleId = decision.RuleId,
                LegalReference = decision.Legal.Citation,
            };
            await events.AddAsync(stored, $"{household}|{action}|{StoredDate.Format(date.Value)}", cancellationToken).ConfigureAwait(false);
            await changes.EventStoredAsync(stored, cancellationToken).ConfigureAwait(false);
        }
        return (decision, []);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restriction check: {Action} of {Service} in {Jurisdiction} → {Verdict} by rule {RuleId}")]
    private static partial void LogDecision(ILogger logger, RestrictionAction action, string service, string jurisdiction, RestrictionVerdict verdict, string ruleId);
}
