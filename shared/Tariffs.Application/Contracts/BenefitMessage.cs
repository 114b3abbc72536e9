using NodaTime;

namespace Tariffs.Application.Contracts;

/// <summary>A benefit a household receives: the benefit's code, from a day, to a day (inclusive) or open-ended.</summary>
public sealed class BenefitMessage
{
    public string? Code { get; init; }
    public LocalDate? From { get; init; }
    public LocalDate? To { get; init; }
}
