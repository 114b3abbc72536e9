using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The deliveries contract on the in-memory adapter.</summary>
public sealed class InMemoryDeliveriesTests : DeliveriesContract
{
    protected override Task<IDeliveries> NewDeliveriesAsync() => Task.FromResult<IDeliveries>(new InMemoryDeliveries());
}
