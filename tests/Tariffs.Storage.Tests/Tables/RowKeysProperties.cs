using FsCheck.Xunit;
using Tariffs.Storage.Tables;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Tests.Tables;

/// <summary>The key encoding is injective, yields only characters Table storage accepts, and round-trips.</summary>
[Properties(Arbitrary = [typeof(KeyIds)], MaxTest = 2000)]
public class RowKeysProperties
{
    private static bool Storable(string key) => !key.Any(RowKeys.IsForbidden);

    [Property]
    public bool Distinct_ids_give_distinct_parts_and_wholes(KeyId x, KeyId y) =>
        x.Value == y.Value || (RowKeys.Part(x.Value) != RowKeys.Part(y.Value) && RowKeys.Whole(x.Value) != RowKeys.Whole(y.Value));

    /// <summary>The hardest pair: an id against its own key sent as an id ("/" against "~2F").</summary>
    [Property]
    public bool An_id_and_its_key_taken_as_an_id_give_distinct_keys(KeyId x)
    {
        var part = RowKeys.Part(x.Value);
        var whole = RowKeys.Whole(x.Value);
        return (part == x.Value || RowKeys.Part(part) != part) && (whole == x.Value || RowKeys.Whole(whole) != whole);
    }

    [Property]
    public bool Distinct_tuples_joined_give_distinct_keys(KeyId a, KeyId b, KeyId c, KeyId d) =>
        (a.Value == c.Value && b.Value == d.Value) || RowKeys.Join(a.Value, b.Value) != RowKeys.Join(c.Value, d.Value);

    [Property]
    public bool Tuples_of_different_lengths_give_distinct_keys(KeyId a, KeyId b, KeyId c) =>
        RowKeys.Join(a.Value, b.Value, c.Value) != RowKeys.Join(a.Value + b.Value, c.Value)
        && RowKeys.Join(a.Value, b.Value, c.Value) != RowKeys.Join(a.Value, b.Value + "|" + c.Value);

    [Property]
    public bool Keys_hold_no_forbidden_character_and_a_part_no_separator(KeyId x) =>
        Storable(RowKeys.Part(x.Value)) && Storable(RowKeys.Whole(x.Value)) && !RowKeys.Part(x.Value).Contains(RowKeys.Separator);

    [Property]
    public bool Decoding_an_encoded_id_gives_it_back(KeyId x) =>
        RowKeys.Decode(RowKeys.Part(x.Value)) == x.Value && RowKeys.Decode(RowKeys.Whole(x.Value)) == x.Value;

    [Property]
    public bool Splitting_a_joined_key_gives_its_parts_back(KeyId a, KeyId b, KeyId c) =>
        RowKeys.Split(RowKeys.Join(a.Value, b.Value, c.Value)).SequenceEqual([a.Value, b.Value, c.Value]);
}
