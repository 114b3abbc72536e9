using Tariffs.Application.Contracts;
using Tariffs.Application.Households;
using Tariffs.Application.Reports;
using Tariffs.Domain.Universal.Standards;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Universal;

/// <summary>
/// Computes the automatic compensation of a service incident (ids, codes and times within the <see cref="InputLimits"/>)
/// from the published guaranteed-standards scheme:
/// the amount with the scheme version, legal reference and the terms that make it up. The compensation is kept
/// (table <c>events</c>, once per incident id) and counted in reports in the household's area.
/// </summary>
public sealed class IncidentCompensator(UniversalServiceDocuments documents, HouseholdLocator locator, IServiceEvents events, ReportChanges changes)
{
    /// <summary>The decision, or the problems that prevent one.</summary>
    public async Task<(CompensationDecision? Decision, IReadOnlyList<string> Errors)> CompensateAsync(string json, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var m = errors.Read<IncidentMessage>(json, "incident");
        var schemeId = errors.Code(m?.Scheme, "$.scheme");
        var incidentId = errors.Code(m?.IncidentId, "$.incidentId");
        var service = errors.Id(m?.Service, "$.service");
        var kind = errors.Code(m?.Kind, "$.kind");
        var deadline = errors.InRange(errors.Required(m?.Deadline, "$.deadline"), "$.deadline");
        errors.OptionalId(m?.Authority, "$.authority");
        errors.OptionalId(m?.HouseholdId, "$.householdId");
        if (errors.OptionalCode(m?.Area, "$.area") == InputLimits.ReservedArea)
            errors.Add("$.area", $"'{InputLimits.ReservedArea}' is reserved (an authority's total in reports)");
        errors.InRange(m?.Restored, "$.restored");
        errors.InRange(m?.AsOf, "$.asOf");
        if (m is not null && m.HouseholdId is null && m.Area is null)
            errors.Add("$.householdId", "a household or an area is required");
        if (m?.Restored is null && m?.AsOf is null)
            errors.Add("$.asOf", "required while the incident is open (no 'restored')");
        if (!errors.IsEmpty)
            return (null, errors.All);

        var scheme = await documents.StandardsAsync(schemeId!, cancellationToken).ConfigureAwait(false);
        if (scheme is null)
            return (null, [$"$.scheme: no guaranteed-standards scheme '{schemeId}' is published"]);
        var incident = new ServiceIncident(incidentId!, m!.HouseholdId, m.Area, service!, kind!, deadline!.Value, m.Restored, m.CompensationPaidLate ?? false);
        var decision = CompensationCalculator.Compensate(incident, scheme, m.AsOf ?? m.Restored!.Value);
        var located = m.HouseholdId is { } household ? await locator.LocateAsync(household, service!, cancellationToken).ConfigureAwait(false) : null;
        if ((m.Authority ?? located?.Authority) is { } authority && (m.Area ?? located?.Area) is { } area)
        {
            var stored = new StoredServiceEvent
            {
                Kind = StoredServiceEvent.CompensationKind,
                Authority = authority,
                Service = service!,
                Area = area,
                HouseholdId = m.HouseholdId ?? "",
                Date = StoredDate.Format((m.Restored ?? m.AsOf!.Value).Date),
                Currency = decision.Currency.Code,
                CompensationMinor = decision.Currency.ToMinorUnits(decision.Amount),
                RuleId = decision.SchemeId,
                LegalReference = decision.Legal.Citation,
            };
            await events.AddAsync(stored, incidentId!, cancellationToken).ConfigureAwait(false);
            await changes.EventStoredAsync(stored, cancellationToken).ConfigureAwait(false);
        }
        return (decision, []);
    }
}
