using Tariffs.Application.Ports;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="IHouseholdFacts"/> in memory, with the semantics the contract suite pins on Table storage too: an id holds
/// the content first stored under it (the same content again is resent, other content a conflict, nothing stored);
/// reads see everything stored before them, each household's statements in the order received; the change marker is
/// the count of statements stored. Thread-safe (one lock).
/// </summary>
public sealed class InMemoryHouseholdFacts : IHouseholdFacts
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (string HouseholdId, string Content)> claims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StoredFacts>> byHousehold = new(StringComparer.Ordinal);
    private long saves;

    public Task<IdClaim> SaveAsync(string householdId, StoredFacts facts, CancellationToken cancellationToken)
    {
        var content = (householdId, FactsContent.Write(facts.Facts) + "|" + facts.SourceAgency + "|" + facts.EvidenceReference);
        lock (gate)
        {
            if (claims.TryGetValue(facts.FactsId, out var stored))
                return Task.FromResult(stored == content ? IdClaim.Resent : IdClaim.Conflict);
            claims[facts.FactsId] = content;
            if (!byHousehold.TryGetValue(householdId, out var list))
                byHousehold[householdId] = list = [];
            list.Add(facts);
            saves++;
            return Task.FromResult(IdClaim.New);
        }
    }

    public Task<IReadOnlyList<StoredFacts>> ForHouseholdAsync(string householdId, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(Of(householdId));
    }

    public Task<Dictionary<string, IReadOnlyList<StoredFacts>>> ForHouseholdsAsync(IReadOnlySet<string> householdIds, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(householdIds.Where(byHousehold.ContainsKey).ToDictionary(h => h, Of, StringComparer.Ordinal));
    }

    /// <summary>The number of statements stored so far: it changes with every one.</summary>
    public Task<string> ChangeMarkerAsync(CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(saves.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The household's statements by reception time, then id (the Table adapter's order).</summary>
    private IReadOnlyList<StoredFacts> Of(string householdId) => byHousehold.TryGetValue(householdId, out var list)
        ? [.. list.OrderBy(f => f.ReceivedAt).ThenBy(f => f.FactsId, StringComparer.Ordinal)]
        : [];
}
