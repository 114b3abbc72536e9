using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The household facts contract on the in-memory adapter.</summary>
public sealed class InMemoryHouseholdFactsTests : HouseholdFactsContract
{
    protected override Task<IHouseholdFacts> NewFactsAsync() => Task.FromResult<IHouseholdFacts>(new InMemoryHouseholdFacts());
}
