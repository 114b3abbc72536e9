using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The simulations contract on the in-memory adapter.</summary>
public sealed class InMemorySimulationsTests : SimulationsContract
{
    protected override Task<ISimulations> NewSimulationsAsync() => Task.FromResult<ISimulations>(new InMemorySimulations());
}
