namespace Tariffs.Application.Simulations;

/// <summary>
/// What a cell of a simulation needs of its households, summed as they stream in (<see cref="SimulationTotals"/>): counts,
/// sums, and the sum and largest of each cost in absolute value (the dominance rule). Each household row is added once.
/// </summary>
internal sealed class SimulationCellSums(string currency, string service, int bands)
{
    public string Currency { get; } = currency;
    public string Service { get; } = service;
    public int Households { get; set; }
    public decimal SocialNow { get; set; }
    public decimal SocialDraft { get; set; }
    public decimal AbsoluteNow { get; set; }
    public decimal AbsoluteDraft { get; set; }
    public decimal LargestNow { get; set; }
    public decimal LargestDraft { get; set; }
    public int BetterOff { get; set; }
    public int WorseOff { get; set; }
    public int Unchanged { get; set; }
    public int ReceivingNow { get; set; }
    public int ReceivingDraft { get; set; }
    public int EligibleNow { get; set; }
    public int EligibleDraft { get; set; }
    public int EligibleReceivingNow { get; set; }
    public int EligibleReceivingDraft { get; set; }
    public int KnownIncome { get; set; }
    public int AboveBefore { get; set; }
    public int AboveNow { get; set; }
    public int AboveDraft { get; set; }

    /// <summary>Households in each band of change, in the order of <see cref="SimulationTotals.Bands"/>.</summary>
    public int[] Bands { get; } = new int[bands];
}
