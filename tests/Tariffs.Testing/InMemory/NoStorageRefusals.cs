using Tariffs.Application.Ports;

namespace Tariffs.Testing.InMemory;

/// <summary><see cref="IStorageRefusals"/> of the in-memory adapters: they never refuse a request for good.</summary>
public sealed class NoStorageRefusals : IStorageRefusals
{
    public bool IsRefusal(Exception exception) => false;

    public string? Describe(Exception exception) => null;
}
