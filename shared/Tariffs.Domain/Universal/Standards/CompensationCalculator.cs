using NodaTime;

namespace Tariffs.Domain.Universal.Standards;

/// <summary>
/// Computes guaranteed-standards compensation: nothing when the incident was put right by its deadline;
/// otherwise the standard's amount, plus the further amount for each full period after the deadline (up to
/// the restoration, or up to <c>asOf</c> while the incident is open), plus the late-payment amount when the
/// compensation was paid late. England 2025: restored 50 hours late → 50 + 2 × 50 = £150. Pure.
/// </summary>
public static class CompensationCalculator
{
    /// <summary>Compensation for an incident; throws when the scheme has no standard for its kind or service, or no version on its date.</summary>
    public static CompensationDecision Compensate(ServiceIncident incident, GuaranteedStandardsScheme scheme, LocalDateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(scheme);
        if (!scheme.Services.Contains(incident.Service, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"Scheme {scheme.Id} does not cover the service '{incident.Service}'.", nameof(incident));
        var version = scheme.Versions.At(incident.Deadline.Date)
            ?? throw new ArgumentException($"No version of scheme {scheme.Id} is in force on {incident.Deadline.Date:yyyy-MM-dd}.", nameof(incident));
        var standard = version.Value.Standards.FirstOrDefault(s => string.Equals(s.Kind, incident.Kind, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Scheme {scheme.Id} has no standard for incidents of kind '{incident.Kind}'.", nameof(incident));

        var end = incident.Restored ?? asOf;
        var terms = new List<Engine.Explanation>();
        var amount = 0m;
        if (end > incident.Deadline)
        {
            var lateHours = (decimal)Period.Between(incident.Deadline, end, PeriodUnits.Minutes).Minutes / 60m;
            amount += standard.Amount;
            terms.Add(new Engine.Explanation("{amount} for not meeting the deadline ({hoursLate} hours late)", standard.Amount, lateHours));
            if (standard.FurtherAmount is { } further && standard.FurtherPeriodHours is { } hours)
            {
                var periods = Math.Floor(lateHours / hours);
                amount += further * periods;
                terms.Add(new Engine.Explanation("{further} × {fullPeriods} full periods of {hours} hours after the deadline", further, periods, hours));
            }
        }
        if (amount > 0m && incident.CompensationPaidLate)
        {
            amount += version.Value.LatePaymentAmount;
            terms.Add(new Engine.Explanation("{latePayment} because the compensation was paid late", version.Value.LatePaymentAmount));
        }
        return new CompensationDecision(incident, scheme.Currency.Round(amount), scheme.Currency, scheme.Id, version.Version, version.Legal, terms);
    }
}
