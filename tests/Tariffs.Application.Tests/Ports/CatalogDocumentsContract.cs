using Tariffs.Application.Ports;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="ICatalogDocuments"/>, run against the in-memory and the Blob adapter: a catalog is
/// named by its authority and service whatever their case, each save gives a new version that finding, listing and
/// downloading agree on, the listing leaves out universal-service documents, and what is not stored reads as null.
/// </summary>
public abstract class CatalogDocumentsContract
{
    /// <summary>A store, maybe shared with other tests (each test uses authorities of its own).</summary>
    protected abstract Task<ICatalogDocuments> NewDocumentsAsync();

    private static string Unique() => $"auth-{Guid.NewGuid():N}";

    [Fact]
    public async Task Each_save_gives_a_new_version_that_find_list_and_download_agree_on()
    {
        var documents = await NewDocumentsAsync();
        var authority = Unique();

        var first = await documents.SaveAsync(authority, "Water", """{"v":1}""", CancellationToken.None);
        Assert.Equal(first, await documents.FindAsync(authority.ToUpperInvariant(), "water", CancellationToken.None));
        var second = await documents.SaveAsync(authority, "water", """{"v":2}""", CancellationToken.None);

        Assert.Equal(first.Name, second.Name);
        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(second, Assert.Single(await documents.ListAsync(CancellationToken.None), b => b.Name == second.Name));
        Assert.Equal(new CatalogText("""{"v":2}""", second.Version), await documents.DownloadAsync(second.Name, CancellationToken.None));
    }

    [Fact]
    public async Task Named_documents_are_read_by_name_and_universal_ones_are_not_listed()
    {
        var documents = await NewDocumentsAsync();
        var name = $"{ICatalogDocuments.UniversalPrefix}restrictions/{Unique()}.json";

        await documents.SaveNamedAsync(name, """{"rules":[]}""", CancellationToken.None);

        Assert.Equal("""{"rules":[]}""", await documents.FindNamedAsync(name, CancellationToken.None));
        Assert.DoesNotContain(await documents.ListAsync(CancellationToken.None), b => b.Name == name);
        Assert.All(await documents.ListAsync(CancellationToken.None), b => Assert.False(b.Name.StartsWith(ICatalogDocuments.UniversalPrefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task What_is_not_stored_reads_as_null()
    {
        var documents = await NewDocumentsAsync();
        var authority = Unique();

        Assert.Null(await documents.FindAsync(authority, "water", CancellationToken.None));
        Assert.Null(await documents.DownloadAsync($"{authority}/water.json", CancellationToken.None));
        Assert.Null(await documents.FindNamedAsync($"{ICatalogDocuments.UniversalPrefix}{authority}.json", CancellationToken.None));
    }
}
