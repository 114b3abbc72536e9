using Azure;

namespace Tariffs.Storage.Tables;

/// <summary>Tells storage refusing a request for good from failures worth trying again.</summary>
public static class StorageErrors
{
    /// <summary>
    /// True when storage refused the request itself — 400 (a property too large, a key too long or invalid, a value out
    /// of range) or 413 (a request or entity too large) — so that sending it again fails the same way.
    /// </summary>
    public static bool IsRefusal(RequestFailedException exception) => exception.Status is 400 or 413;

    /// <summary>The status, error code and first line of the message: what a person needs to see why.</summary>
    public static string Describe(RequestFailedException exception)
    {
        var message = exception.Message;
        var end = message.IndexOfAny(['\r', '\n']);
        return $"{exception.Status} {exception.ErrorCode}: {(end < 0 ? message : message[..end])}";
    }
}
