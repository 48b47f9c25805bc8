using System.Globalization;
using System.Text.Json;
using CxCluster.Api.Conversations;
using CxCluster.Api.Validation;
using CxCluster.Api.Webhooks;

namespace CxCluster.Api.Tests.Webhooks;

/// <summary>
/// A replay's <c>from</c> as the API reads it: the replay sends every fact at or after it, so, as an evidence period's
/// bounds, a time between two ticks (100 ns, what a fact's time is kept to) is read as the next tick.
/// </summary>
public sealed class WebhookReplayReaderTests
{
    private static readonly ReceivedAt Received = new(DateTimeOffset.Parse("2026-11-24T12:00:00Z", CultureInfo.InvariantCulture), TimeSpan.FromMinutes(5));

    [Theory]
    [InlineData("2026-11-24T10:00:00Z", "2026-11-24T10:00:00.0000000Z")]
    [InlineData("2026-11-24T10:00:00.000000001Z", "2026-11-24T10:00:00.0000001Z")]
    [InlineData("2026-11-24T17:00:00.000000001+07:00", "2026-11-24T10:00:00.0000001Z")]
    [InlineData("2026-11-24T10:00:00.1234567000Z", "2026-11-24T10:00:00.1234567Z")]
    [InlineData("2026-11-24T10:00:00.12345670001Z", "2026-11-24T10:00:00.1234568Z")]
    public void A_from_between_two_ticks_is_read_as_the_next_tick_so_a_fact_on_the_tick_before_is_not_replayed(string from, string expected)
    {
        using var body = JsonDocument.Parse($$"""{ "from": "{{from}}" }""");
        var errors = new FieldErrors();

        var replay = WebhookRequestReader.ReadReplay(body.RootElement, Received, errors);

        Assert.False(errors.Any);
        Assert.Equal(expected, replay!.From!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
    }
}
