using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The rejections contract on the in-memory adapter.</summary>
public sealed class InMemoryRejectionsTests : RejectionsContract
{
    protected override Task<IRejections> NewRejectionsAsync() => Task.FromResult<IRejections>(new InMemoryRejections());
}
