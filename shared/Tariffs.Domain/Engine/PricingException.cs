namespace Tariffs.Domain.Engine;

/// <summary>A line the engine cannot price (unknown tariff, no version in force, wrong unit); the message says why.</summary>
public sealed class PricingException(string message) : Exception(message);
