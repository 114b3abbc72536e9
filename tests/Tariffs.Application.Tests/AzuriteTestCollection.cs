using Tariffs.Testing;

namespace Tariffs.Application.Tests;

[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteTestCollection : AzuriteCollection;
