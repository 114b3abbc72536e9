namespace Tariffs.Application.Contracts;

/// <summary>The share of eligible households the authority means its social tariff to reach, version by version.</summary>
public sealed class TakeUpTargetDocument
{
    public List<TakeUpTargetVersionDocument>? Versions { get; init; }
}
