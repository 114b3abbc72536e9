using NodaTime;

namespace Tariffs.Domain.Reports;

/// <summary>
/// A cell as released to the public, frozen: its figures and its statuses never change after <see cref="ReleasedAt"/>.
/// <see cref="Hidden"/> withholds every figure; <see cref="EligibilityHidden"/> withholds the households eligible and
/// received and the take-up rate; <see cref="IncomeHidden"/> withholds the households of known income and the
/// affordability shares (<see cref="SubPopulations"/>).
/// </summary>
/// <param name="Cell">The released figures (the regulator's view goes on moving; these do not).</param>
/// <param name="Hidden">Every figure withheld (primary or complementary suppression).</param>
/// <param name="EligibilityHidden">The eligibility group withheld (a small group, or complementary to one).</param>
/// <param name="IncomeHidden">The income group withheld (a small group, or complementary to one).</param>
/// <param name="ReleasedAt">When the cell was released.</param>
public sealed record PublicCell(EquityCell Cell, bool Hidden, bool EligibilityHidden, bool IncomeHidden, Instant ReleasedAt)
{
    /// <summary>The cell's key.</summary>
    public EquityCellKey Key => Cell.Key;
}
