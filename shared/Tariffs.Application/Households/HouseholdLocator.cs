using Tariffs.Domain.Ledger;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Households;

/// <summary>Where a household is billed: the authority and area of its latest billed line of a service (or of any service).</summary>
public sealed class HouseholdLocator(ILedger ledger)
{
    /// <summary>The authority and area, or null when the household has no billed line.</summary>
    public async Task<(string Authority, string Area)?> LocateAsync(string householdId, string service, CancellationToken cancellationToken)
    {
        LedgerLine? any = null;
        LedgerLine? sameService = null;
        await foreach (var line in ledger.ReadHouseholdAsync(householdId, cancellationToken).ConfigureAwait(false))
        {
            if (any is null || line.Period.End > any.Period.End)
                any = line;
            if (line.Service == service && (sameService is null || line.Period.End > sameService.Period.End))
                sameService = line;
        }
        return (sameService ?? any) is { } found ? (found.Authority, found.Area) : null;
    }

    /// <summary>The operators and authorities of the household's billed lines (distinct pairs); empty when none.</summary>
    public async Task<IReadOnlyList<(string Operator, string Authority)>> BilledByAsync(string householdId, CancellationToken cancellationToken)
    {
        var pairs = new HashSet<(string, string)>();
        await foreach (var line in ledger.ReadHouseholdAsync(householdId, cancellationToken).ConfigureAwait(false))
            pairs.Add((line.Operator, line.Authority));
        return [.. pairs];
    }
}
