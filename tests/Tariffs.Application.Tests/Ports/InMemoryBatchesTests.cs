using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The batches contract on the in-memory adapter.</summary>
public sealed class InMemoryBatchesTests : BatchesContract
{
    protected override Task<IBatches> NewBatchesAsync() => Task.FromResult<IBatches>(new InMemoryBatches());
}
