using System.Text.Json;
using Tariffs.Application.Contracts;
using Tariffs.Application.Json;
using Tariffs.Domain.Universal.Standards;

namespace Tariffs.Application.Universal;

/// <summary>
/// Computes the automatic compensation of a service incident from the published guaranteed-standards scheme:
/// the amount with the scheme version, legal reference and the terms that make it up.
/// </summary>
public sealed class IncidentCompensator(UniversalServiceDocuments documents)
{
    /// <summary>The decision, or the problems that prevent one.</summary>
    public async Task<(CompensationDecision? Decision, IReadOnlyList<string> Errors)> CompensateAsync(string json, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        IncidentMessage? m = null;
        try
        {
            m = JsonSerializer.Deserialize<IncidentMessage>(json, TariffsJson.Options);
        }
        catch (JsonException e)
        {
            errors.Add(e.Path ?? "$", $"not a readable incident: {e.Message.Split(". ")[0]}.");
        }
        var schemeId = errors.Required(m?.Scheme, "$.scheme");
        var incidentId = errors.Required(m?.IncidentId, "$.incidentId");
        var service = errors.Required(m?.Service, "$.service");
        var kind = errors.Required(m?.Kind, "$.kind");
        var deadline = errors.Required(m?.Deadline, "$.deadline");
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
        return (CompensationCalculator.Compensate(incident, scheme, m.AsOf ?? m.Restored!.Value), []);
    }
}
