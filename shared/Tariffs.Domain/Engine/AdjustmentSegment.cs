using NodaTime;
using Tariffs.Domain.Catalog;

namespace Tariffs.Domain.Engine;

/// <summary>
/// One term of an adjustment's explanation: the segment it covers, the rule version and its legal
/// reference, what was computed in words a person can recheck, and the full-precision amount.
/// </summary>
public sealed record AdjustmentSegment(DateInterval Interval, string RuleVersion, LegalReference Legal, string Detail, decimal Amount);
