namespace Tariffs.Domain.Universal.Restrictions;

/// <summary>Which dwellings a restriction rule protects or concerns.</summary>
public enum Residence
{
    /// <summary>Every household's dwelling (England and Wales water: households never).</summary>
    Any,

    /// <summary>Main residences only (France, CASF L115-3).</summary>
    Main,

    /// <summary>Second homes only.</summary>
    Secondary,
}
