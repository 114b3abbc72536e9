using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The eligibility contract on the in-memory adapter.</summary>
public sealed class InMemoryEligibilityTests : EligibilityContract
{
    protected override Task<IEligibility> NewEligibilityAsync() => Task.FromResult<IEligibility>(new InMemoryEligibility());
}
