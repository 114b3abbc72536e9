using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The service events contract on the in-memory adapter.</summary>
public sealed class InMemoryServiceEventsTests : ServiceEventsContract
{
    protected override Task<IServiceEvents> NewEventsAsync() => Task.FromResult<IServiceEvents>(new InMemoryServiceEvents());
}
