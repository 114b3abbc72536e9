namespace Tariffs.Domain.Catalog;

/// <summary>How an <see cref="Allowance"/> scales with household size.</summary>
public enum AllowanceScope
{
    Household,
    Person,
    PersonTable,
}
