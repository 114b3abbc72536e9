namespace Tariffs.Domain.Ledger;

/// <summary>How a household was eligible for a program on a line (<see cref="EligibilityBasis"/>): flags, combined.</summary>
[Flags]
public enum EligibilityWays
{
    /// <summary>Neither way.</summary>
    None = 0,

    /// <summary>The program's criteria, judged against the household's facts, grant a day of the line (whatever an agency decided).</summary>
    Determined = 1,

    /// <summary>An agency's flag for the program counts on a day of the line (after its revocations).</summary>
    Flagged = 2,

    /// <summary>Both: the agency's decision is what the line was priced with (it wins over the determination).</summary>
    Both = Determined | Flagged,
}
