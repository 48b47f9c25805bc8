using System.Text.Json;
using CxCluster.Api.Validation;

namespace CxCluster.Api.Tests.Validation;

public sealed class FieldRulesTests
{
    [Theory]
    [InlineData("7", 7)]
    [InlineData("0", 0)]
    [InlineData("9.0", 9)]
    [InlineData("10", null)]
    [InlineData("-1", null)]
    [InlineData("2.5", null)]
    [InlineData("\"5\"", null)]
    [InlineData("9223372036854775807", null)]
    public void Priority_is_a_whole_number_from_0_to_9(string json, int? expected)
    {
        using var document = JsonDocument.Parse($$"""{ "priority": {{json}} }""");
        var errors = new FieldErrors();

        var priority = FieldRules.Priority(errors, "priority", new JsonFields(document.RootElement, errors).Integer("priority", required: false));

        Assert.Equal(expected, priority);
        Assert.Equal(expected is null, errors.Has("priority"));
    }

    [Theory]
    [InlineData("csat", true)]
    [InlineData("CSAT", true)]
    [InlineData("agentAssist.confidence", true)]
    [InlineData("voice.silenceMs", true)]
    [InlineData("Queue_Depth-2", true)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("", false)]
    [InlineData("Bad Name", false)]
    [InlineData("kepuasan/CSAT", false)]
    [InlineData("Zufriedenheitä", false)]
    public void A_signal_name_is_1_to_64_letters_of_either_case_digits_dots_underscores_and_hyphens(string name, bool valid)
    {
        var errors = new FieldErrors();

        FieldRules.SignalName(errors, "name", name);

        Assert.Equal(valid, !errors.Has("name"));
    }

    [Theory]
    [InlineData("csat", 6)]
    [InlineData("CSAT", 6)]
    [InlineData("Csat", 2.5)]
    [InlineData("SENTIMENT", -1.5)]
    [InlineData("NLU.No_Match", 2)]
    [InlineData("Voice.Silence_Ms", -1)]
    [InlineData("VOICE.BARGE_IN", 0)]
    public void A_known_signal_out_of_its_range_is_refused_in_any_case(string name, double value)
    {
        var errors = new FieldErrors();

        FieldRules.SignalValue(errors, "value", name, value);

        Assert.True(errors.Has("value"));
    }

    [Fact]
    public void Every_length_counts_an_emoji_as_one_character_as_the_text_does()
    {
        var emoji = "\U0001F600";
        var key = string.Concat(Enumerable.Repeat(emoji, FieldRules.MaxAttributeKeyLength));
        var value = string.Concat(Enumerable.Repeat(emoji, FieldRules.MaxAttributeValueLength));
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { [key] = value }));
        var errors = new FieldErrors();

        var attributes = FieldRules.Attributes(errors, "attributes", document.RootElement);
        FieldRules.ShortText(errors, "reason", string.Concat(Enumerable.Repeat(emoji, FieldRules.MaxShortTextLength)));

        Assert.False(errors.Any);
        Assert.Equal(value, attributes![key]);

        FieldRules.ShortText(errors, "reason", string.Concat(Enumerable.Repeat(emoji, FieldRules.MaxShortTextLength + 1)));
        using var longer = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { [key + emoji] = "x", ["note"] = value + emoji }));
        FieldRules.Attributes(errors, "attributes", longer.RootElement);

        Assert.True(errors.Has("reason"));
        Assert.True(errors.Has("attributes"));
        Assert.True(errors.Has("attributes.note"));
    }

    [Fact]
    public void Attributes_are_string_pairs_and_each_bad_value_is_named_by_its_key()
    {
        using var document = JsonDocument.Parse("""{ "tier": "gold", "visits": 3, "note": null, "ok": "" }""");
        var errors = new FieldErrors();

        var attributes = FieldRules.Attributes(errors, "attributes", document.RootElement);

        Assert.Equal(new Dictionary<string, string> { ["tier"] = "gold", ["ok"] = "" }, attributes);
        Assert.True(errors.Has("attributes.visits"));
        Assert.True(errors.Has("attributes.note"));
        Assert.False(errors.Has("attributes"));
    }

    [Theory]
    [InlineData("id-ID", "id-ID")]
    [InlineData("id-id", "id-ID")]
    [InlineData("EN", "en")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("es-419", "es-419")]
    [InlineData("de-CH-1996", "de-CH-1996")]
    [InlineData("zh-yue-hk", "zh-yue-HK")]
    [InlineData("ja-JP-u-ca-japanese", "ja-JP-u-ca-japanese")]
    [InlineData("en-us-x-twain", "en-US-x-twain")]
    [InlineData("en-x-private", "en-x-private")]
    [InlineData("en-a-bbb-x-priv", "en-a-bbb-x-priv")]
    [InlineData("de-DE-u-co-phonebk-ka-shifted", "de-DE-u-co-phonebk-ka-shifted")]
    [InlineData("sr-latn-rs", "sr-Latn-RS")]
    [InlineData("in-ID", "id-ID")]
    [InlineData("IN", "id")]
    [InlineData("iw-IL", "he-IL")]
    [InlineData("ji", "yi")]
    [InlineData("jw-ID", "jv-ID")]
    [InlineData("mo-MD", "ro-MD")]
    [InlineData("en-US-x-abcdefgh-abcdefgh-abcdefgh-abcdefgh-abcdefgh-abcdefgh-ab", "en-US-x-abcdefgh-abcdefgh-abcdefgh-abcdefgh-abcdefgh-abcdefgh-ab")]
    public void Locale_accepts_BCP_47_tags_in_canonical_case_with_replaced_language_codes_preferred(string tag, string canonical)
    {
        var errors = new FieldErrors();

        Assert.Equal(canonical, FieldRules.Locale(errors, "locale", tag));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("english!!")]
    [InlineData("x")]
    [InlineData("english")]
    [InlineData("id_ID")]
    [InlineData("id-")]
    [InlineData("id-ID\n")]
    [InlineData("")]
    [InlineData("en-US-u")]
    [InlineData("en-x")]
    [InlineData("en-US-x-")]
    [InlineData("x-private")]
    [InlineData("en-u-ca-japanese-x")]
    [InlineData("en-US-u-c")]
    [InlineData("en-US-x-abcdefgh-abcdefgh-abcdefgh-abcdefgh-abcdefgh-abcdefgh-abc")]
    public void Locale_rejects_what_is_no_language_tag(string tag)
    {
        var errors = new FieldErrors();

        Assert.Null(FieldRules.Locale(errors, "locale", tag));
        Assert.True(errors.Has("locale"));
    }

    [Theory]
    [InlineData("c1", true)]
    [InlineData("tenant:conv_1.2-3", true)]
    [InlineData("a/b", false)]
    [InlineData("ünïcode", false)]
    [InlineData("", false)]
    [InlineData("...", true)]
    public void Ids_are_ascii_letters_digits_and_four_marks(string id, bool valid)
    {
        Assert.Equal(valid, FieldRules.IsValidId(id));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void Dot_segments_are_no_ids_as_a_URL_path_cannot_hold_them(string id)
    {
        var errors = new FieldErrors();

        FieldRules.Id(errors, "conversationId", id);

        Assert.False(FieldRules.IsValidId(id));
        Assert.True(errors.Has("conversationId"));
    }

    [Fact]
    public void Ids_are_at_most_128_characters()
    {
        Assert.True(FieldRules.IsValidId(new string('a', 128)));
        Assert.False(FieldRules.IsValidId(new string('a', 129)));
    }

    [Theory]
    [InlineData("2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z")]
    [InlineData("2026-11-24T17:00:00+07:00", "2026-11-24T10:00:00Z")]
    [InlineData("2026-11-24T10:00:00.123Z", "2026-11-24T10:00:00.123Z")]
    [InlineData("2026-11-24T10:00:00.123456789Z", "2026-11-24T10:00:00.1234567Z")]
    [InlineData("2026-11-24T17:00:00.000000001+07:00", "2026-11-24T10:00:00Z")]
    public void Timestamps_are_RFC_3339_and_read_as_UTC(string text, string utc)
    {
        var errors = new FieldErrors();

        Assert.Equal(DateTimeOffset.Parse(utc), FieldRules.Timestamp(errors, "occurredAt", text));
        Assert.Equal(TimeSpan.Zero, FieldRules.Timestamp(errors, "occurredAt", text)!.Value.Offset);
    }

    [Theory]
    [InlineData("2026-11-24")]
    [InlineData("2026-11-24T10:00:00")]
    [InlineData("24/11/2026 10:00")]
    [InlineData("2026-13-24T10:00:00Z")]
    [InlineData("2026-11-24T10:00:00.Z")]
    public void Timestamps_without_time_zone_or_out_of_range_are_rejected(string text)
    {
        var errors = new FieldErrors();

        Assert.Null(FieldRules.Timestamp(errors, "occurredAt", text));
        Assert.True(errors.Has("occurredAt"));
    }

    [Theory]
    [InlineData("1999-12-31T23:59:59Z", "2000-01-01")]
    [InlineData("0001-01-01T00:00:00Z", "2000-01-01")]
    [InlineData("2026-11-24T10:05:01Z", "ahead")]
    [InlineData("9999-12-31T23:59:59Z", "ahead")]
    public void A_client_timestamp_is_not_before_2000_nor_ahead_of_the_time_received(string text, string named)
    {
        var errors = new FieldErrors();
        var received = new CxCluster.Api.Conversations.ReceivedAt(DateTimeOffset.Parse("2026-11-24T10:00:00Z"), TimeSpan.FromMinutes(5));

        Assert.Null(FieldRules.ClientTimestamp(errors, "from", text, received, "the request"));
        Assert.Contains(named, Assert.Single(errors.ToDictionary()["from"]));
    }

    [Fact]
    public void A_client_timestamp_within_the_clock_skew_is_taken()
    {
        var errors = new FieldErrors();
        var received = new CxCluster.Api.Conversations.ReceivedAt(DateTimeOffset.Parse("2026-11-24T10:00:00Z"), TimeSpan.FromMinutes(5));

        Assert.Equal(DateTimeOffset.Parse("2026-11-24T10:05:00Z"), FieldRules.ClientTimestamp(errors, "from", "2026-11-24T10:05:00Z", received, "the request"));
        Assert.Equal(FieldRules.EarliestTimestamp, FieldRules.ClientTimestamp(errors, "from", "2000-01-01T00:00:00Z", received, "the request"));
        Assert.False(errors.Any);
    }

    [Fact]
    public void Text_counts_characters_not_UTF16_units()
    {
        var errors = new FieldErrors();

        FieldRules.Text(errors, "text", string.Concat(Enumerable.Repeat("😀", 16_000)));
        Assert.False(errors.Any);
        FieldRules.Text(errors, "text", string.Concat(Enumerable.Repeat("😀", 16_001)));
        Assert.True(errors.Has("text"));
    }
}
