using NodaTime;

namespace Tariffs.Domain.Eligibility;

/// <summary>
/// A benefit a household receives (the code of a categorical program: "ris", "grapa", "calfresh" …) over an
/// inclusive period (an open-ended receipt ends on <see cref="Dates.DateIntervals.OpenEnd"/>).
/// </summary>
public sealed record BenefitReceipt(string Code, DateInterval Period)
{
    /// <summary>The benefit's code: not blank.</summary>
    public string Code { get; } = string.IsNullOrWhiteSpace(Code) ? throw new ArgumentException("A benefit needs a code.", nameof(Code)) : Code;
}
