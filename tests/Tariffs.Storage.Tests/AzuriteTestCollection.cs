using Tariffs.Testing;

namespace Tariffs.Storage.Tests;

[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteTestCollection : AzuriteCollection;
