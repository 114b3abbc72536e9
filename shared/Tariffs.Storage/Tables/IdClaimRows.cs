using Azure.Data.Tables;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Tables;

/// <summary>
/// Id claims in a table's partition <see cref="Partition"/>: a row per id holding the fingerprint of the content first
/// stored under it, so that the same content again is <see cref="IdClaim.Resent"/> and other content a
/// <see cref="IdClaim.Conflict"/>. Never a data partition: '~' followed by 'i' is not an escape of <see cref="RowKeys"/>.
/// </summary>
public static class IdClaimRows
{
    /// <summary>The partition of the claims.</summary>
    public const string Partition = "~ids";

    private const string FingerprintColumn = "Fingerprint";

    /// <summary>Claims <paramref name="claimKey"/> for content with <paramref name="fingerprint"/>: new, resent (same fingerprint) or conflict.</summary>
    public static async Task<IdClaim> ClaimAsync(this TableClient table, string claimKey, string fingerprint, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity(Partition, claimKey) { [FingerprintColumn] = fingerprint }, cancellationToken).ConfigureAwait(false);
            return IdClaim.New;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            var stored = await table.GetEntityAsync<TableEntity>(Partition, claimKey, select: [FingerprintColumn], cancellationToken: cancellationToken).ConfigureAwait(false);
            return stored.Value.GetString(FingerprintColumn) == fingerprint ? IdClaim.Resent : IdClaim.Conflict;
        }
    }
}
