namespace Tariffs.Domain.Social.Parameters;

/// <summary>What a payment is capped at, in the eligible segments, as the bill steps left it (energy assistance capped at the heating cost).</summary>
public enum PaymentCap
{
    /// <summary>Not capped: a payment is apart from the bill.</summary>
    None,

    /// <summary>The bill (fixed + variable − reductions).</summary>
    Bill,

    /// <summary>The variable (consumption) part.</summary>
    Variable,

    /// <summary>The standing charges.</summary>
    Fixed,
}
