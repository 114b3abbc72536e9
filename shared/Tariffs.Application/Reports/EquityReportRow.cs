namespace Tariffs.Application.Reports;

/// <summary>
/// One published cell of the equity report (JSON field and CSV column names are the API's, see docs/api.md for
/// each indicator's definition). Amounts are in the currency's major unit with two decimals. In a suppressed cell
/// every figure is null. <see cref="Suppression"/> (why a cell is suppressed) is filled only in the regulator's
/// unsuppressed view.
/// </summary>
public sealed record EquityReportRow(
    string Period,
    string PeriodKind,
    string Service,
    string Authority,
    string Area,
    string Currency,
    string Unit,
    bool Suppressed,
    bool Provisional,
    int? HouseholdsBilled,
    int? HouseholdsEligible,
    int? HouseholdsReceived,
    double? TakeUpRate,
    decimal? BilledTotal,
    decimal? StandardTotal,
    decimal? SocialAdjustmentsTotal,
    decimal? PaymentsTotal,
    decimal? CompensationTotal,
    decimal? AverageBillBefore,
    decimal? AverageBillAfter,
    decimal? QuantityBilled,
    decimal? P109SocialCostPerM3,
    decimal? D102PriceOf120M3,
    int? HouseholdsWithKnownIncome,
    double? AffordabilityShareBefore,
    double? AffordabilityShareAfter,
    int? OverchargeFindings,
    decimal? OverchargeTotal,
    int? BlockedRestrictions,
    string? Suppression,
    DateTimeOffset ComputedAt);
