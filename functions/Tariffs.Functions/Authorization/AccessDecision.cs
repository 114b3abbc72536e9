namespace Tariffs.Functions.Authorization;

/// <summary>The answer of an <see cref="AccessRules"/> question: allowed, or denied with the reason the access log keeps.</summary>
public readonly record struct AccessDecision(bool Allowed, string Reason)
{
    public static AccessDecision Allow { get; } = new(true, "");

    public static AccessDecision Deny(string reason) => new(false, reason);
}
