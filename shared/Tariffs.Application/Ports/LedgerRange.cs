using NodaTime;

namespace Tariffs.Application.Ports;

/// <summary>
/// The lines of an authority's service whose billing period ends from <see cref="From"/> to <see cref="To"/>, both
/// inclusive (the period a line's report cell and a simulation's range go by).
/// </summary>
public sealed record LedgerRange(string Authority, string Service, LocalDate From, LocalDate To)
{
    /// <summary>Whether a line of <paramref name="authority"/>'s <paramref name="service"/> whose period ends on <paramref name="end"/> is in the range.</summary>
    public bool Contains(string authority, string service, LocalDate end) =>
        authority == Authority && service == Service && end >= From && end <= To;
}
