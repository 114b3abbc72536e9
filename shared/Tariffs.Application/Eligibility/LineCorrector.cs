using System.Globalization;
using Microsoft.Extensions.Logging;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Ledger;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Eligibility;

/// <summary>
/// What a stored line is owed after eligibility changed (<see cref="LineRecomputation"/>): a change against the
/// household is posted only if its program claws back (the others are logged as withheld).
/// </summary>
public sealed partial class LineCorrector(ILogger<LineCorrector> logger)
{
    /// <summary>
    /// The corrections a stored line is owed now (none when it is right): the domain's, one per rule whose total
    /// changed, holding the difference, numbered after the rule's stored items (<see cref="LedgerLine.Correct"/>), with
    /// a note of what they correct and how the household is eligible on the line now (<see cref="LedgerItem.Basis"/>).
    /// </summary>
    public IReadOnlyList<LedgerItem> Corrections(LedgerLine line, ServiceCatalog catalog, HouseholdEligibility eligibility, string cause)
    {
        var (outcome, result, basis) = LineRecomputation.Recompute(line, catalog, eligibility);
        foreach (var withheld in result.Withheld)
            LogWithheld(logger, line.HouseholdId, withheld.RuleId, withheld.Reason);
        return [.. result.Corrections.Select(c => line.Correct(c,
            string.Create(CultureInfo.InvariantCulture, $"{cause}: stored total {c.AlreadyPosted:0.00} {outcome.Currency}, recomputed {c.Recomputed:0.00} {outcome.Currency}"), basis))];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Household {HouseholdId}: correction of rule {RuleId} withheld: {Reason}")]
    private static partial void LogWithheld(ILogger logger, string householdId, string ruleId, string reason);
}
