using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Storage.Blobs;
using NodaTime;
using Tariffs.Storage.Telemetry;
using Tariffs.Application.Catalog;
using Tariffs.Application.Telemetry;
using Tariffs.Application.Tests.Telemetry;
using Tariffs.Storage.Catalog;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Catalog;

/// <summary>
/// Two repositories over one Azurite stand for two processes (two instances in Azure): what one publishes, the other
/// reads next; and a document is downloaded again only when it changed. Storage requests are counted by the
/// <see cref="StorageTransactionPolicy"/> of each repository's own client.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CatalogRepositoryTests(AzuriteFixture azurite)
{
    private const string Transactions = "tariffs.storage.transactions";
    private readonly string authority = $"test-{Guid.NewGuid():N}";

    /// <summary>A repository with its own client and cache, whose requests are counted under <paramref name="tag"/>.</summary>
    private BlobServiceClient Client(string tag)
    {
        var options = new BlobClientOptions();
        options.AddPolicy(new StorageTransactionPolicy(tag), HttpPipelinePosition.PerRetry);
        return new BlobServiceClient(azurite.ConnectionString, options);
    }

    private CatalogRepository Process(string tag) => new(new CatalogDocumentStore(Client(tag)));

    /// <summary>The sample Dunkerque catalog under this test's authority, with its DOM tariff's versions replaced.</summary>
    private string Catalog(params (string From, decimal FirstBlockPrice)[] versions)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalog-dunkerque-water.json")))!;
        document["authority"] = authority;
        var template = document["tariffs"]![0]!["versions"]![0]!;
        var dated = new JsonArray();
        foreach (var (from, price) in versions)
        {
            var version = template.DeepClone();
            version["effectiveFrom"] = from;
            version["blocks"]![0]!["price"] = price;
            dated.Add(version);
        }
        document["tariffs"]![0]!["versions"] = dated;
        return document.ToJsonString();
    }

    private static decimal FirstBlockPriceOn(Tariffs.Domain.Catalog.ServiceCatalog catalog, LocalDate date) =>
        catalog.Tariffs["DOM"].Versions.At(date)!.Value.Blocks[0].UnitPrice;

    [Fact]
    public async Task A_catalog_republished_by_one_process_is_read_by_the_next_read_of_another_with_its_dated_versions()
    {
        var publisher = Process($"blob-{Guid.NewGuid():N}");
        var reader = Process($"blob-{Guid.NewGuid():N}");
        await publisher.PublishAsync(Catalog(("2022-01-01", 0.89m)), CancellationToken.None);
        var before = await reader.FindAsync(authority, "water", CancellationToken.None);
        Assert.Contains(await reader.AllAsync(CancellationToken.None), c => c.Authority == authority);

        // The authority republishes with a new price from 1 July 2022.
        await publisher.PublishAsync(Catalog(("2022-01-01", 0.89m), ("2022-07-01", 0.95m)), CancellationToken.None);
        var found = await reader.FindAsync(authority, "water", CancellationToken.None);
        var listed = Assert.Single(await reader.AllAsync(CancellationToken.None), c => c.Authority == authority);

        Assert.Equal(0.89m, FirstBlockPriceOn(before!, new LocalDate(2022, 7, 1)));
        foreach (var catalog in new[] { found!, listed })
        {
            Assert.Equal(0.89m, FirstBlockPriceOn(catalog, new LocalDate(2022, 6, 30)));
            Assert.Equal(0.95m, FirstBlockPriceOn(catalog, new LocalDate(2022, 7, 1)));
            Assert.Null(catalog.Tariffs["DOM"].Versions.At(new LocalDate(2021, 12, 31)));
        }
    }

    [Fact]
    public async Task A_read_downloads_only_documents_that_are_new_or_changed()
    {
        var tag = $"blob-{Guid.NewGuid():N}";
        using var requests = new MeasurementRecorder("tariffs.storage.service", tag);
        var publisher = Process($"blob-{Guid.NewGuid():N}");
        var reader = Process(tag);
        await publisher.PublishAsync(Catalog(("2022-01-01", 0.89m)), CancellationToken.None);
        var first = Assert.Single(await reader.AllAsync(CancellationToken.None), c => c.Authority == authority);

        var counted = requests.Sum(Transactions);
        var again = Assert.Single(await reader.AllAsync(CancellationToken.None), c => c.Authority == authority);
        var found = await reader.FindAsync(authority, "water", CancellationToken.None);
        Assert.Equal(2, requests.Sum(Transactions) - counted); // one listing, one properties request: no download
        Assert.Same(first, again);
        Assert.Same(first, found);

        await publisher.PublishAsync(Catalog(("2022-01-01", 0.95m)), CancellationToken.None);
        counted = requests.Sum(Transactions);
        var changed = Assert.Single(await reader.AllAsync(CancellationToken.None), c => c.Authority == authority);
        Assert.Equal(2, requests.Sum(Transactions) - counted); // the listing, and the one document that changed
        Assert.Equal(0.95m, FirstBlockPriceOn(changed, new LocalDate(2022, 1, 1)));
    }

    [Fact]
    public async Task A_catalog_published_in_this_process_is_read_at_once_without_a_download()
    {
        var tag = $"blob-{Guid.NewGuid():N}";
        using var requests = new MeasurementRecorder("tariffs.storage.service", tag);
        var repository = Process(tag);
        var published = (await repository.PublishAsync(Catalog(("2022-01-01", 0.89m)), CancellationToken.None)).Catalog;

        var counted = requests.Sum(Transactions);
        var found = await repository.FindAsync(authority, "water", CancellationToken.None);

        Assert.Same(published, found);
        Assert.Equal(1, requests.Sum(Transactions) - counted); // its properties (ETag) only
    }

    [Fact]
    public async Task A_deleted_document_is_no_longer_read()
    {
        var reader = Process($"blob-{Guid.NewGuid():N}");
        var stored = await new CatalogDocumentStore(Client("blob")).SaveAsync(authority, "water", Catalog(("2022-01-01", 0.89m)), CancellationToken.None);
        Assert.NotNull(await reader.FindAsync(authority, "water", CancellationToken.None));
        Assert.Contains(await reader.AllAsync(CancellationToken.None), c => c.Authority == authority);

        await Client("blob").GetBlobContainerClient(CatalogDocumentStore.ContainerName).DeleteBlobAsync(stored.Name);

        Assert.Null(await reader.FindAsync(authority, "water", CancellationToken.None));
        Assert.DoesNotContain(await reader.AllAsync(CancellationToken.None), c => c.Authority == authority);
    }
}
