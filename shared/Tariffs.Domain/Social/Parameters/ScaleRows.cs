namespace Tariffs.Domain.Social.Parameters;

/// <summary>What picks the row of an income scale.</summary>
public enum ScaleRows
{
    /// <summary>Annual income ÷ consumption units (chèque énergie).</summary>
    IncomePerUnit,

    /// <summary>Annual income itself (a benefit matrix by income level × household size).</summary>
    Income,
}
