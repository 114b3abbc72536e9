namespace Tariffs.Application.Reports;

/// <summary>
/// One published cell of the equity report (JSON field names are the API's). Amounts are in the currency's
/// major unit with two decimals. In a suppressed cell every figure is null: fewer than k households are
/// behind it. See docs/api.md for each indicator's definition.
/// </summary>
public sealed record EquityReportRow(
    string Period,
    string Service,
    string Authority,
    string Area,
    string Currency,
    bool Suppressed,
    int? HouseholdsBilled,
    int? HouseholdsEligible,
    int? HouseholdsReceived,
    double? TakeUpRate,
    decimal? BilledTotal,
    decimal? StandardTotal,
    decimal? SocialAdjustmentsTotal,
    decimal? PaymentsTotal,
    DateTimeOffset ComputedAt);
