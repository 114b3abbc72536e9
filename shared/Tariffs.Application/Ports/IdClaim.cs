namespace Tariffs.Application.Ports;

/// <summary>What storing a flag or revocation under its id found.</summary>
public enum IdClaim
{
    /// <summary>The id was free: the document is stored under it.</summary>
    New,

    /// <summary>The id holds the same content: nothing changed (a row the first delivery missed is written).</summary>
    Resent,

    /// <summary>The id holds other content: nothing was stored.</summary>
    Conflict,
}
