namespace Tariffs.Domain.Social.Parameters;

/// <summary>Which components of the bill a percentage discount applies to.</summary>
public enum DiscountComponents
{
    /// <summary>The variable (consumption) part only.</summary>
    Variable,

    /// <summary>The standing charges only.</summary>
    Fixed,

    /// <summary>Both: the whole bill as left by the price replacements.</summary>
    All,
}
