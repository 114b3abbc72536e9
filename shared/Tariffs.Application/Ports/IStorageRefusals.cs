namespace Tariffs.Application.Ports;

/// <summary>
/// Tells, without the Application seeing storage's exception types, a failure where storage refused a request for good
/// (sending it again fails the same way: a value too large, a key invalid) from failures worth trying again.
/// </summary>
public interface IStorageRefusals
{
    /// <summary>True when <paramref name="exception"/> is storage refusing a request for good.</summary>
    bool IsRefusal(Exception exception);

    /// <summary>What a person needs to see of a storage failure (status, code, first line of the message), or null when <paramref name="exception"/> is not one.</summary>
    string? Describe(Exception exception);
}
