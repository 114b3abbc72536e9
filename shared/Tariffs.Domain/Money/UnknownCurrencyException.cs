namespace Tariffs.Domain.Money;

/// <summary>
/// A currency code read back (from storage, from a message) that the service does not support: the message names
/// the code and where it was read. A <see cref="FormatException"/>: trying again cannot mend it.
/// </summary>
public sealed class UnknownCurrencyException(string code, string where)
    : FormatException($"Unknown currency '{code}' in {where} (supported: EUR, GBP, USD).")
{
    /// <summary>The code that was read.</summary>
    public string Code { get; } = code;

    /// <summary>Where it was read.</summary>
    public string Where { get; } = where;
}
