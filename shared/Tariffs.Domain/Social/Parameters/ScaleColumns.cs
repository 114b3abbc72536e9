namespace Tariffs.Domain.Social.Parameters;

/// <summary>What picks the column of an income scale.</summary>
public enum ScaleColumns
{
    /// <summary>The household's consumption units (chèque énergie: 1, more than 1, 2 or more).</summary>
    ConsumptionUnits,

    /// <summary>The number of persons in the household.</summary>
    Persons,
}
