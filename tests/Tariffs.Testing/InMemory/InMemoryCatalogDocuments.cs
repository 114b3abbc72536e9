using Tariffs.Application.Ports;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="ICatalogDocuments"/> in memory, with the semantics the contract suite pins on Blob storage too: a catalog
/// is named by its authority and service (case-insensitive), every save gives a new version, the listing leaves out the
/// universal-service documents and is in name order. Thread-safe (one lock).
/// </summary>
public sealed class InMemoryCatalogDocuments : ICatalogDocuments
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<string, CatalogText> documents = new(StringComparer.Ordinal);
    private long versions;

    public Task<CatalogBlob> SaveAsync(string authority, string service, string json, CancellationToken cancellationToken)
    {
        var name = Name(authority, service);
        return Task.FromResult(new CatalogBlob(name, Save(name, json)));
    }

    public Task<CatalogBlob?> FindAsync(string authority, string service, CancellationToken cancellationToken)
    {
        var name = Name(authority, service);
        lock (gate)
            return Task.FromResult(documents.TryGetValue(name, out var text) ? new CatalogBlob(name, text.Version) : (CatalogBlob?)null);
    }

    public Task<IReadOnlyList<CatalogBlob>> ListAsync(CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult<IReadOnlyList<CatalogBlob>>([.. documents
                .Where(d => !d.Key.StartsWith(ICatalogDocuments.UniversalPrefix, StringComparison.Ordinal))
                .Select(d => new CatalogBlob(d.Key, d.Value.Version))]);
    }

    public Task<CatalogText?> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(documents.GetValueOrDefault(name));
    }

    public Task SaveNamedAsync(string name, string json, CancellationToken cancellationToken)
    {
        Save(name, json);
        return Task.CompletedTask;
    }

    public async Task<string?> FindNamedAsync(string name, CancellationToken cancellationToken) =>
        (await DownloadAsync(name, cancellationToken).ConfigureAwait(false))?.Json;

    private string Save(string name, string json)
    {
        lock (gate)
        {
            var version = $"v{++versions}";
            documents[name] = new CatalogText(json, version);
            return version;
        }
    }

    private static string Name(string authority, string service) =>
        $"{Uri.EscapeDataString(authority.ToLowerInvariant())}/{Uri.EscapeDataString(service.ToLowerInvariant())}.json";
}
