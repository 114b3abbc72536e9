using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The catalog documents contract on the in-memory adapter.</summary>
public sealed class InMemoryCatalogDocumentsTests : CatalogDocumentsContract
{
    protected override Task<ICatalogDocuments> NewDocumentsAsync() => Task.FromResult<ICatalogDocuments>(new InMemoryCatalogDocuments());
}
