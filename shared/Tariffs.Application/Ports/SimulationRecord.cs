using NodaTime;

namespace Tariffs.Application.Ports;

/// <summary>
/// A requested simulation: the draft catalog (<see cref="DraftJson"/>, validated) and the published catalog as it was
/// when the simulation was requested (<see cref="PublishedJson"/>, so that every chunk compares with the same one),
/// for the lines of an authority's service whose period ends from <see cref="From"/> to <see cref="To"/> (inclusive),
/// cut into <see cref="Shards"/> chunks. <see cref="LinesTotal"/> is set once counted; <see cref="Error"/> says why it
/// failed.
/// </summary>
public sealed record SimulationRecord(
    string Id,
    string Authority,
    string Service,
    LocalDate From,
    LocalDate To,
    string DraftJson,
    string PublishedJson,
    Instant RequestedAt,
    int Shards)
{
    /// <summary>Lines of the range in the ledger, once counted; null before.</summary>
    public long? LinesTotal { get; init; }

    /// <summary>Why the simulation failed, or null.</summary>
    public string? Error { get; init; }

    /// <summary>The lines the simulation reprices.</summary>
    public LedgerRange Lines => new(Authority, Service, From, To);
}
