namespace Tariffs.Storage.Tables;

/// <summary>
/// What <see cref="IdempotentInserter.InsertGroupsAsync{TGroup}"/> did: the rows inserted, the groups found stored
/// already, and the groups storage refused for good with its reason.
/// </summary>
public sealed class GroupInsert<TGroup>
{
    /// <summary>Rows inserted.</summary>
    public int Inserted { get; internal set; }

    /// <summary>Groups whose first row was stored already: left as they were.</summary>
    public List<TGroup> AlreadyStored { get; } = [];

    /// <summary>Groups storage refused for good, with its status, code and message.</summary>
    public List<(TGroup Group, string Reason)> Refused { get; } = [];
}
