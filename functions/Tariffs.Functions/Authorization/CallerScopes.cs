namespace Tariffs.Functions.Authorization;

/// <summary>
/// The objects a caller may act for, besides its roles: the operator ids an operator identity bills as, the agency
/// (<c>sourceAgency</c>) of a social-services identity and the programs it decides (none listed: every program of
/// its agency), the authorities and jurisdictions of a regulator. <see cref="Any"/> in a set stands for every value
/// (the development key). A scope grants nothing without the matching role.
/// </summary>
public sealed record CallerScopes(
    IReadOnlySet<string> Operators,
    IReadOnlySet<string> Agencies,
    IReadOnlySet<string> Programs,
    IReadOnlySet<string> Authorities,
    IReadOnlySet<string> Jurisdictions)
{
    /// <summary>The wildcard: every operator, agency, program, authority or jurisdiction.</summary>
    public const string Any = "*";

    /// <summary>No scope at all.</summary>
    public static CallerScopes None { get; } = new(Empty(), Empty(), Empty(), Empty(), Empty());

    /// <summary>Every scope (the development key).</summary>
    public static CallerScopes Everything { get; } = new(Wildcard(), Wildcard(), Empty(), Wildcard(), Wildcard());

    /// <summary>Whether <paramref name="set"/> holds <paramref name="value"/> or the wildcard; an empty value is never held but by the wildcard.</summary>
    public static bool Holds(IReadOnlySet<string> set, string? value)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Contains(Any) || (!string.IsNullOrEmpty(value) && set.Contains(value));
    }

    /// <summary>Both scopes together.</summary>
    public CallerScopes Union(CallerScopes other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Join(Operators, other.Operators), Join(Agencies, other.Agencies), Join(Programs, other.Programs),
            Join(Authorities, other.Authorities), Join(Jurisdictions, other.Jurisdictions));
    }

    /// <summary>Scopes from lists of values (null lists are empty); blank values are dropped.</summary>
    public static CallerScopes From(
        IEnumerable<string>? operators = null, IEnumerable<string>? agencies = null, IEnumerable<string>? programs = null,
        IEnumerable<string>? authorities = null, IEnumerable<string>? jurisdictions = null) =>
        new(Set(operators), Set(agencies), Set(programs), Set(authorities), Set(jurisdictions));

    private static HashSet<string> Set(IEnumerable<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Join(IReadOnlySet<string> a, IReadOnlySet<string> b) => Set(a.Concat(b));

    private static HashSet<string> Empty() => new(StringComparer.Ordinal);

    private static HashSet<string> Wildcard() => new(StringComparer.Ordinal) { Any };
}
