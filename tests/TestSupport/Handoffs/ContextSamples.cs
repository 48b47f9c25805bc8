namespace CxCluster.TestSupport.Handoffs;

/// <summary>Context packets for the tests of how one is written: one with every optional part, one with none.</summary>
public static class ContextSamples
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 9, 15, 30, 250, TimeSpan.FromHours(7));

    /// <summary>Every optional part present: customer id, delivery, repeated message, attributes, several signals; non-ASCII words.</summary>
    public static HandoffContext Full(string conversationId = "c-1") => new()
    {
        ConversationId = conversationId,
        HandoffId = "hnd-2",
        Reason = "trust-threshold",
        Priority = 8,
        Channel = Channel.Whatsapp,
        Locale = "id-ID",
        CustomerId = "cust-9",
        WaitedSeconds = 42,
        Disclosure = new ContextDisclosure { Delivered = true, DeliveredAt = Morning.AddSeconds(1), Channel = Channel.Chat },
        Trust = new ContextTrust
        {
            Score = 37,
            Band = TrustBand.Breached,
            Trajectory = [new TrustPoint { At = Morning, Score = 100 }, new TrustPoint { At = Morning.AddMinutes(2), Score = 37 }],
            Signals =
            [
                new TrustSignal { Name = "repeated-message", Delta = -22.5, At = Morning.AddMinutes(1) },
                new TrustSignal { Name = "nlu.no_match", Delta = -0.125, At = Morning.AddMinutes(2) },
            ],
        },
        Summary = new ContextSummary
        {
            CustomerMessages = 3,
            AiMessages = 2,
            FirstContactAt = Morning,
            LastCustomerMessage = "kenapa \"saldo\" saya belum masuk? <tolong>",
            RepeatedMessage = "saldo belum masuk",
            IdentityQuestions = 1,
        },
        Transcript =
        [
            new TranscriptTurn { From = Speaker.Customer, Text = "saldo belum masuk, nomor saya [phone]", At = Morning },
            new TranscriptTurn { From = Speaker.Ai, Text = "Mohon maaf — kami cek dulu ya 🙏", At = Morning.AddSeconds(30) },
        ],
        Attributes = new Dictionary<string, string> { ["tier"] = "gold", ["orderId"] = "A-77" },
    };

    /// <summary>No optional part: no customer id, nothing delivered, no signal, no message from the customer yet.</summary>
    public static HandoffContext Sparse(string conversationId = "c-2") => new()
    {
        ConversationId = conversationId,
        HandoffId = "hnd-1",
        Reason = "customer-request",
        Priority = 5,
        Channel = Channel.Chat,
        Locale = "en-US",
        WaitedSeconds = 0,
        Disclosure = new ContextDisclosure { Delivered = false },
        Trust = new ContextTrust { Score = 100, Band = TrustBand.Healthy, Trajectory = [], Signals = [] },
        Summary = new ContextSummary { CustomerMessages = 0, AiMessages = 0, FirstContactAt = Morning, IdentityQuestions = 0 },
        Transcript = [],
    };
}
