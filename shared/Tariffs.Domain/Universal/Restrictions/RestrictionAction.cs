namespace Tariffs.Domain.Universal.Restrictions;

/// <summary>What an operator asks to do to a household's supply.</summary>
public enum RestrictionAction
{
    /// <summary>Cut the supply off.</summary>
    Disconnection,

    /// <summary>Reduce the water flow.</summary>
    FlowReduction,

    /// <summary>Reduce the electrical power (for example to 3 kVA).</summary>
    PowerReduction,
}
