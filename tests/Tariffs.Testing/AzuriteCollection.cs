using Xunit;

namespace Tariffs.Testing;

/// <summary>
/// The xunit collection "Azurite", whose test classes share one <see cref="AzuriteFixture"/> (one Azurite process) per
/// test assembly.
/// </summary>
/// <remarks>
/// xunit only reads collection definitions from the test assembly itself, so each test project declares the collection
/// once by deriving from this class, and its test classes then take the fixture through their constructor:
/// <code>
/// [CollectionDefinition(AzuriteCollection.Name)]
/// public sealed class AzuriteTestCollection : AzuriteCollection;
///
/// [Collection(AzuriteCollection.Name)]
/// public sealed class LedgerTests(AzuriteFixture azurite) { ... }
/// </code>
/// </remarks>
[CollectionDefinition(Name)]
public abstract class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection name to put in <c>[Collection(...)]</c> and <c>[CollectionDefinition(...)]</c>.</summary>
    public const string Name = "Azurite";
}
