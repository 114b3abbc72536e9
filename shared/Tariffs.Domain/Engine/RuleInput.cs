using Tariffs.Domain.Billing;
using Tariffs.Domain.Money;

namespace Tariffs.Domain.Engine;

/// <summary>
/// What a rule sees of one line: the line, its currency, the segments in which the household is eligible for
/// the rule's program (with their facts) and the bill as left by the rules applied before.
/// </summary>
public sealed class RuleInput(BillingLine line, Currency currency, IReadOnlyList<EligibleSegment> eligible, LineBill bill)
{
    /// <summary>The billing line.</summary>
    public BillingLine Line { get; } = line;

    /// <summary>The currency of the line's tariff.</summary>
    public Currency Currency { get; } = currency;

    /// <summary>The eligible segments, in date order.</summary>
    public IReadOnlyList<EligibleSegment> Eligible { get; } = eligible;

    /// <summary>The running bill of every segment of the line.</summary>
    public LineBill Bill { get; } = bill;

    /// <summary>Persons in the household in a segment: from the facts when known, else from the line (1 or more either way).</summary>
    public int Persons(EligibleSegment segment) => segment.Facts?.Persons ?? Line.Persons;
}
