namespace Tariffs.Domain.Universal.Standards;

/// <summary>One dated version of a guaranteed-standards scheme: a standard per incident kind, and the amount added when compensation is paid late.</summary>
public sealed record StandardsVersion(IReadOnlyList<IncidentStandard> Standards, decimal LatePaymentAmount)
{
    /// <summary>The amount added when compensation is paid late: 0 or more.</summary>
    public decimal LatePaymentAmount { get; } = Guard.NonNegative(LatePaymentAmount);
}
