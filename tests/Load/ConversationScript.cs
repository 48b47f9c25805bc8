namespace CxCluster.Load;

/// <summary>
/// The events one simulated customer conversation sends: started, the AI speaks before the notice is confirmed, the
/// platform confirms it, then customer and AI take turns (with the odd sentiment signal), some customers ask for a
/// person or the bot keeps failing until trust breaks, and most conversations end. Indonesian or English.
/// </summary>
public sealed class ConversationScript
{
    private static readonly string[] Indonesian =
    [
        "halo, saya mau tanya soal tagihan bulan ini", "saldo saya belum masuk sejak kemarin", "bagaimana cara ganti alamat pengiriman",
        "pesanan saya nomor {0} sudah dikirim belum", "apakah bisa bayar pakai transfer bank", "kapan promo akhir tahun mulai",
        "saya lupa kata sandi akun saya", "paket {0} sampai di mana sekarang", "bisa minta nomor resi untuk pesanan {0}",
    ];

    private static readonly string[] English =
    [
        "hi, I have a question about this month's bill", "my balance has not arrived since yesterday", "how do I change my delivery address",
        "has order {0} shipped yet", "can I pay by bank transfer", "when does the year-end promotion start",
        "I forgot the password of my account", "where is parcel {0} now", "can I get the tracking number for order {0}",
    ];

    private readonly Random _random;
    private readonly bool _indonesian;
    private readonly int _middleEvents;
    private readonly int _escalateAt;
    private readonly Escalation _escalation;

    public ConversationScript(string conversationId, int index, LoadOptions options)
    {
        ConversationId = conversationId;
        _random = new Random(HashCode.Combine(options.Seed, index));
        _indonesian = index % 2 == 0;
        Locale = _indonesian ? "id-ID" : "en-US";
        Channel = index % 3 == 0 ? Channel.Whatsapp : Channel.Chat;
        _middleEvents = options.EventsPerConversation - 4;
        var roll = _random.NextDouble();
        _escalation = roll < options.HandoffShare ? Escalation.AsksForPerson
            : roll < options.HandoffShare + options.TrustBreakShare ? Escalation.TrustBreaks
            : Escalation.None;
        _escalateAt = _middleEvents / 2;
        EndsConversation = _random.NextDouble() < 0.8;
    }

    private enum Escalation { None, AsksForPerson, TrustBreaks }

    public string ConversationId { get; }
    public string Locale { get; }
    public Channel Channel { get; }
    public bool EndsConversation { get; }
    public int Length => 3 + _middleEvents + (EndsConversation ? 1 : 0);

    /// <summary>The event at this step; <paramref name="disclosureId"/> is what the start was answered with.</summary>
    public ConversationEvent EventAt(int step, string? disclosureId, DateTimeOffset now)
    {
        var id = $"{ConversationId}-{step}";
        if (step == 0)
        {
            return new ConversationStartedEvent { Id = id, OccurredAt = now, Channel = Channel, Locale = Locale };
        }
        if (step == 1)
        {
            return Ai(id, now, _indonesian ? "Halo! Ada yang bisa saya bantu?" : "Hi! How can I help?");
        }
        if (step == 2)
        {
            return new DisclosureDeliveredEvent { Id = id, OccurredAt = now, DisclosureId = disclosureId ?? "" };
        }
        var middle = step - 3;
        if (middle >= _middleEvents)
        {
            return new ConversationEndedEvent { Id = id, OccurredAt = now, Reason = "resolved" };
        }
        if (_escalation == Escalation.AsksForPerson && middle == _escalateAt)
        {
            return Customer(id, now, _indonesian ? "saya mau bicara dengan CS dong" : "can I talk to a human agent please");
        }
        if (_escalation == Escalation.TrustBreaks && middle >= _escalateAt && middle < _escalateAt + 3)
        {
            return new SignalEvent { Id = id, OccurredAt = now, Name = "nlu.no_match", Value = 1 };
        }
        if (middle % 7 == 6)
        {
            return new SignalEvent { Id = id, OccurredAt = now, Name = "sentiment", Value = Math.Round(_random.NextDouble() * 1.2 - 0.4, 2) };
        }
        if (middle % 2 == 1)
        {
            return Ai(id, now, _indonesian ? $"Baik, saya cek dulu ya (langkah {middle})." : $"Sure, let me check that (step {middle}).");
        }
        var phrases = _indonesian ? Indonesian : English;
        return Customer(id, now, string.Format(System.Globalization.CultureInfo.InvariantCulture, phrases[_random.Next(phrases.Length)], 1000 + middle) + $" ({middle})");
    }

    private static CustomerMessageEvent Customer(string id, DateTimeOffset at, string text) => new() { Id = id, OccurredAt = at, Text = text };

    private static AiMessageEvent Ai(string id, DateTimeOffset at, string text) => new() { Id = id, OccurredAt = at, Text = text };
}
