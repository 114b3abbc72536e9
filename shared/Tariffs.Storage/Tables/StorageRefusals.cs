using Azure;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Tables;

/// <summary><see cref="IStorageRefusals"/> for the Azure SDK's <see cref="RequestFailedException"/> (<see cref="StorageErrors"/>).</summary>
public sealed class StorageRefusals : IStorageRefusals
{
    public bool IsRefusal(Exception exception) => exception is RequestFailedException storage && StorageErrors.IsRefusal(storage);

    public string? Describe(Exception exception) => exception is RequestFailedException storage ? StorageErrors.Describe(storage) : null;
}
