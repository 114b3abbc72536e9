namespace Tariffs.EndToEnd.Tests;

/// <summary>End-to-end tests share one Azurite and one local host process, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class LocalHostCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "LocalHost";
}
