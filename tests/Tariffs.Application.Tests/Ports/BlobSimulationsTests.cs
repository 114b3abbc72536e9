using Azure.Storage.Blobs;
using Tariffs.Application.Ports;
using Tariffs.Storage.Simulations;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The simulations contract on Blob storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobSimulationsTests(AzuriteFixture azurite) : SimulationsContract
{
    protected override Task<ISimulations> NewSimulationsAsync() =>
        Task.FromResult<ISimulations>(new SimulationStore(new BlobServiceClient(azurite.ConnectionString)));
}
