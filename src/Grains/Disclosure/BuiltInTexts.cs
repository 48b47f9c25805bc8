namespace CxCluster.Grains.Disclosure;

/// <summary>The texts every tenant gets unless it configures its own: Indonesian and English.</summary>
internal static class BuiltInTexts
{
    public static IReadOnlyDictionary<string, CustomerTextSet> ByLocale { get; } =
        new Dictionary<string, CustomerTextSet>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = new()
            {
                Disclosure = "Halo! Anda sedang berbicara dengan asisten virtual berbasis AI dari {brand}, bukan dengan manusia. Ketik \"CS\" kapan saja untuk berbicara dengan agen manusia.",
                DisclosureByChannel = new(StringComparer.OrdinalIgnoreCase)
                {
                    ["voice"] = "Halo, Anda terhubung dengan asisten suara berbasis AI dari {brand}, bukan dengan manusia. Ucapkan \"CS\" kapan saja untuk berbicara dengan agen manusia.",
                    ["sms"] = "{brand}: Anda sedang dilayani asisten AI, bukan manusia. Balas CS untuk bicara dengan agen manusia.",
                },
                IdentityAi = "Anda sedang berbicara dengan asisten virtual berbasis AI dari {brand}, bukan dengan manusia. Jika Anda mau, saya bisa menghubungkan Anda dengan agen manusia.",
                IdentityHuman = "Anda sedang berbicara dengan {agent}, agen manusia dari {brand}.",
                IdentityWaiting = "Anda sedang berbicara dengan asisten virtual berbasis AI dari {brand}, bukan dengan manusia. Belum ada manusia yang bergabung: Anda sedang menunggu agen manusia, dan agen berikutnya yang tersedia akan bergabung dengan Anda.",
                OfferHuman = "Maaf jika jawaban saya belum membantu. Apakah Anda ingin saya hubungkan dengan agen manusia?",
                HandoffAssigned = "Anda sekarang terhubung dengan {agent}, agen manusia dari {brand}. {agent} dapat melihat percakapan kita sejauh ini, jadi Anda tidak perlu mengulang cerita Anda.",
                HandoffQueued = "Kami sedang menghubungkan Anda dengan agen manusia. Anda berada di antrean nomor {position}, perkiraan waktu tunggu sekitar {minutes} menit.",
                HandoffQueuedSoon = "Kami sedang menghubungkan Anda dengan agen manusia. Anda berada di antrean nomor {position}; seorang agen akan segera melayani Anda.",
                HandoffQueuedNoEstimate = "Kami sedang menghubungkan Anda dengan agen manusia. Anda berada di antrean nomor {position}; agen berikutnya yang tersedia akan melayani Anda.",
                HandoffReclaimed = "Mohon maaf, agen sebelumnya belum dapat membalas. Kami sedang mencarikan agen manusia lain untuk Anda; Anda termasuk yang pertama dilayani berikutnya.",
            },
            ["en"] = new()
            {
                Disclosure = "Hi! You are chatting with an AI virtual assistant from {brand}, not a human. Type \"agent\" at any time to talk to a human agent.",
                DisclosureByChannel = new(StringComparer.OrdinalIgnoreCase)
                {
                    ["voice"] = "Hello, you are speaking with an AI voice assistant from {brand}, not a human. Say \"agent\" at any time to talk to a human agent.",
                    ["sms"] = "{brand}: you are texting with an AI assistant, not a human. Reply AGENT to reach a human agent.",
                },
                IdentityAi = "You are talking to an AI virtual assistant from {brand}, not a human. If you like, I can connect you with a human agent.",
                IdentityHuman = "You are talking to {agent}, a human agent from {brand}.",
                IdentityWaiting = "You are talking to an AI virtual assistant from {brand}, not a human. No human has joined yet: you are waiting for a human agent, and the next available agent will join you.",
                OfferHuman = "Sorry if my answers have not helped. Would you like me to connect you with a human agent?",
                HandoffAssigned = "You are now connected with {agent}, a human agent from {brand}. {agent} can see our conversation so far, so you do not need to repeat yourself.",
                HandoffQueued = "We are connecting you with a human agent. You are number {position} in the queue; the estimated wait is about {minutes} minutes.",
                HandoffQueuedSoon = "We are connecting you with a human agent. You are number {position} in the queue; an agent will be with you in a moment.",
                HandoffQueuedNoEstimate = "We are connecting you with a human agent. You are number {position} in the queue; the next available agent will be with you.",
                HandoffReclaimed = "Sorry, the agent who took your conversation has not been able to reply. We are finding another human agent for you; you will be among the first to be served.",
            },
        };

    /// <summary>The language used when neither the locale, its language nor the tenant's default has texts.</summary>
    public const string LastResortLanguage = "en";
}
