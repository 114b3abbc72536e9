using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The batch documents contract on the in-memory adapter.</summary>
public sealed class InMemoryBatchDocumentsTests : BatchDocumentsContract
{
    protected override Task<IBatchDocuments> NewDocumentsAsync() => Task.FromResult<IBatchDocuments>(new InMemoryBatchDocuments());
}
