using Tariffs.Application.Output;

namespace Tariffs.Application.Tests.Output;

/// <summary>
/// Webhook signatures per the Standard Webhooks specification, checked against the test vector its reference libraries
/// publish (secret, message id, timestamp and payload → <c>v1,g0hM…</c>), and the verification rules a receiver's
/// library applies: any <c>v1</c> entry of the list, a 5-minute tolerance either way, the <c>whsec_</c> prefix optional.
/// </summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Payload = """{"test": 2432232314}""";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void The_specifications_test_vector_signs_as_published()
    {
        Assert.Equal(Expected, WebhookSignature.Sign([Secret], Id, Timestamp, Payload));
        Assert.Equal(Expected, WebhookSignature.Sign([Secret["whsec_".Length..]], Id, Timestamp, Payload)); // prefix optional
    }

    [Fact]
    public void A_rotation_signs_with_each_secret_and_either_verifies()
    {
        var next = "whsec_" + Convert.ToBase64String("a-new-secret-of-32-bytes-for-it!"u8);
        var header = WebhookSignature.Sign([next, Secret], Id, Timestamp, Payload);

        Assert.Equal(2, header.Split(' ').Length);
        Assert.EndsWith(" " + Expected, header, StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify(next, Id, "1614265330", Payload, header, SentAt));
        Assert.True(WebhookSignature.Verify(Secret, Id, "1614265330", Payload, header, SentAt));
    }

    [Fact]
    public void A_valid_signature_among_others_verifies_and_a_changed_one_does_not()
    {
        var header = $"v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= {Expected} v1,not-base64!";

        Assert.True(WebhookSignature.Verify(Secret, Id, "1614265330", Payload, header, SentAt));
        Assert.False(WebhookSignature.Verify(Secret, Id, "1614265330", Payload, "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", SentAt));
        Assert.False(WebhookSignature.Verify(Secret, Id, "1614265330", Payload + " ", Expected, SentAt)); // body changed
        Assert.False(WebhookSignature.Verify(Secret, "msg_other", "1614265330", Payload, Expected, SentAt)); // id changed
        Assert.False(WebhookSignature.Verify(Secret, Id, "1614265330", Payload, Expected.Replace("v1,", "v2,", StringComparison.Ordinal), SentAt));
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void The_timestamp_is_accepted_within_five_minutes_either_way(int receivedSecondsLater, bool valid) =>
        Assert.Equal(valid, WebhookSignature.Verify(Secret, Id, "1614265330", Payload, Expected, SentAt.AddSeconds(receivedSecondsLater)));

    [Fact]
    public void A_timestamp_that_is_not_unix_seconds_is_refused() =>
        Assert.False(WebhookSignature.Verify(Secret, Id, "2021-02-25T15:02:10Z", Payload, Expected, SentAt));

    [Fact]
    public void A_secret_that_is_not_base64_is_a_clear_error() =>
        Assert.Throws<FormatException>(() => WebhookSignature.Sign(["whsec_not base64!"], Id, Timestamp, Payload));
}
