namespace CxCluster.Grains.Trust.Grammar;

/// <summary>What a word can play in a pattern; a word may play several parts.</summary>
/// <remarks>
/// The grammar's vocabulary: the words of each part are data (<c>data/understanding/*/lexicon.tsv</c>, read by
/// <see cref="LexiconLoader"/>), the parts are code. <see cref="Boundary"/> and <see cref="Question"/> are set by the
/// <see cref="Tokenizer"/> on punctuation, never on a word.
/// </remarks>
[Flags]
internal enum Cat : ulong
{
    /// <summary>No part alone; the word is only read inside a tone phrase.</summary>
    None = 0,

    /// <summary>A negator: declines a wish, negates a help word, declines thanks, opens the veto on a request.</summary>
    Not = 1UL << 0,

    /// <summary>A verb of talking: "bicara dengan cs", "talk to a human".</summary>
    Speak = 1UL << 1,

    /// <summary>The -ing form of a talking verb: "talking to a human?" asks who is there.</summary>
    Gerund = 1UL << 2,

    /// <summary>"with", "dengan" between a verb and the person.</summary>
    With = 1UL << 3,

    /// <summary>"to", "ke" between a verb and the person.</summary>
    To = 1UL << 4,

    /// <summary>A role a customer can be handed to ("cs", "agent", "operator").</summary>
    Agent = 1UL << 5,

    /// <summary>The word human: a person, a term of identity, and a modifier that makes a mention real.</summary>
    Human = 1UL << 6,

    /// <summary>A word for someone ("orang", "someone"): a request only with support.</summary>
    Person = 1UL << 7,

    /// <summary>A word for a machine: a term of identity.</summary>
    Bot = 1UL << 8,

    /// <summary>A modifier that makes a mention of a person real ("real person", "orang asli").</summary>
    Real = 1UL << 9,

    /// <summary>An article or determiner before a term.</summary>
    Article = 1UL << 10,

    /// <summary>"can", "bisa" before a request.</summary>
    Modal = 1UL << 11,

    /// <summary>A wish: "mau", "minta", "want", "need".</summary>
    Desire = 1UL << 12,

    /// <summary>A verb of fetching someone: "panggil", "get".</summary>
    Call = 1UL << 13,

    /// <summary>A verb of handing over: "hubungkan", "connect", "transfer".</summary>
    Connect = 1UL << 14,

    /// <summary>A passive connect verb ("dioper"): a request only after a wish.</summary>
    Passive = 1UL << 15,

    /// <summary>The customer as object: "me", "saya".</summary>
    Me = 1UL << 16,

    /// <summary>The customer as subject: "I", "saya".</summary>
    Subject = 1UL << 17,

    /// <summary>The interlocutor or what is on screen: "you", "kamu", "ini", "this".</summary>
    You = 1UL << 18,

    /// <summary>A word that may stand between the interlocutor and the term: "is", "apakah", "itu".</summary>
    Copula = 1UL << 19,

    /// <summary>What the interlocutor produces: "pesan", "reply", "sistem".</summary>
    IdNoun = 1UL << 20,

    /// <summary>A question particle that may close a clause: "kah", "ya", "right".</summary>
    QParticle = 1UL << 21,

    /// <summary>Politeness and urgency: "please", "dong", "sekarang".</summary>
    Polite = 1UL << 22,

    /// <summary>A greeting or form of address: "halo", "kak", "ok".</summary>
    Greeting = 1UL << 23,

    /// <summary>A question opener: "apakah", "so", "btw".</summary>
    Lead = 1UL << 24,

    /// <summary>"am", "lagi", "still": "saya lagi ngomong sama bot?".</summary>
    Progressive = 1UL << 25,

    /// <summary>A word of frustration or disappointment.</summary>
    Negative = 1UL << 26,

    /// <summary>A word that is negative after a negator: "tidak membantu", "not helpful".</summary>
    NegAfterNot = 1UL << 27,

    /// <summary>A word that may stand between a negator and a <see cref="NegAfterNot"/> word: "not very helpful".</summary>
    NotGap = 1UL << 28,

    /// <summary>Abuse or profanity.</summary>
    Abusive = 1UL << 29,

    /// <summary>Thanks.</summary>
    Thanks = 1UL << 30,

    /// <summary>"or", "atau": joins alternatives ("bot or human").</summary>
    Or = 1UL << 31,

    /// <summary>"who", "siapa".</summary>
    Who = 1UL << 32,

    /// <summary>After a person word makes a compound that is no person: "human resources", "orang tua".</summary>
    Breaker = 1UL << 33,

    /// <summary>May follow a person word in a request: "an agent for my refund", "cs yang ...".</summary>
    Purpose = 1UL << 34,

    /// <summary>The first word of a service: "customer" of "customer service".</summary>
    ServiceHead = 1UL << 35,

    /// <summary>The second word of a service: "service", "support".</summary>
    ServiceTail = 1UL << 36,

    /// <summary>"ada", "there": "ada cs?".</summary>
    Exist = 1UL << 37,

    /// <summary>The suffix "nya" written apart.</summary>
    Clitic = 1UL << 38,

    /// <summary>"saja", "aja" after "bukan": "bukan itu aja" is not negative.</summary>
    Only = 1UL << 39,

    /// <summary>A clause boundary: punctuation; set by the tokenizer.</summary>
    Boundary = 1UL << 40,

    /// <summary>A question mark; set by the tokenizer.</summary>
    Question = 1UL << 41,

    /// <summary>The interlocutor as a person ("you", "kamu", not "ini"): "are you real?".</summary>
    YouPerson = 1UL << 42,

    /// <summary>"real" said of the interlocutor: "are you real?".</summary>
    RealAdj = 1UL << 43,

    /// <summary>Puts a request off ("nanti", "later", "I'll"): a person asked for after it in its clause is not asked for now.</summary>
    Later = 1UL << 44,

    /// <summary>Opens a condition ("kalau", "if"): with a "later" word it puts off the request in the clause after it.</summary>
    Cond = 1UL << 45,

    /// <summary>An earlier time ("kemarin", "yesterday"): a person named in its clause is talked about, not asked for (read only to veto the learnt model).</summary>
    Past = 1UL << 46,

    /// <summary>"will" ("akan", "will", "gonna"): after "I" and a condition, it puts the request off ("kalau belum beres, saya akan minta manajer").</summary>
    Will = 1UL << 47,

    /// <summary>
    /// An item, what it is made of or how ("barang", "diamond", "kw", "replica", "handmade", "buatan tangan", "fitur"):
    /// a message that asks whether such a thing is real or machine made asks about the thing, not who is there (read only
    /// to veto the learnt model).
    /// </summary>
    Thing = 1UL << 48,

    /// <summary>"punya", "have", "has": a machine word it owns ("aplikasi kalian punya chatbot?") is a feature, not the interlocutor (read only to veto the learnt model).</summary>
    Has = 1UL << 49,

    /// <summary>A later time ("nanti", "besok", "later", "tomorrow"): right after the person it puts the request off too ("an agent later", "cs nya nanti aja").</summary>
    LaterTime = 1UL << 50,

    /// <summary>Someone else the customer may speak for ("teman", "istri", "my friend", "my boss"): with a later time, a person asked for is for them, later.</summary>
    ThirdParty = 1UL << 51,

    /// <summary>Money, or a slip in sending it ("uang", "saldo", "money", "salah", "wrong"): with it, a transfer "to someone" sends money, not the customer.</summary>
    Payment = 1UL << 52,

    /// <summary>A verb of sending money or things ("kirim", "send", "bayar", "pay", "tf"): what it sends "to someone" is not the customer.</summary>
    Send = 1UL << 53,

    /// <summary>How staff come across ("rude", "friendly", "jutek", "ramah"): a clause with it and no request talks about staff (read only to veto the learnt model).</summary>
    Remark = 1UL << 54,

    /// <summary>Help asked of someone ("bantuan", "dibantu", "help", "assistance"): "butuh bantuan orang", "need human help".</summary>
    Help = 1UL << 55,

    /// <summary>
    /// A department or team ("team", "department", "bagian", "divisi"): someone to be handed to only after a verb of
    /// handing over or talking ("put me through to the billing team", "sambungkan ke bagian penagihan").
    /// </summary>
    Team = 1UL << 56,

    /// <summary>
    /// A job done to a thing or at a place ("collect", "install", "jemput", "angkut"): someone asked for to do it ("I need
    /// someone to collect the parcel", "butuh orang buat angkut lemari") is a worker for a task, not someone to talk to.
    /// </summary>
    Errand = 1UL << 57,

    /// <summary>
    /// Something already done or said ("sudah", "udah", "tadi", "said", "told", "asked", "approved"): right after a person
    /// who opens the clause, that person did something else ("my manager asked me to ...", "supervisor cabang udah approve
    /// ..."), they are not asked for (read only to veto the learnt model).
    /// </summary>
    Done = 1UL << 58,

    /// <summary>A verb of reporting someone ("report", "laporin", "laporkan", "adukan"): the person right after it is complained about, not asked for.</summary>
    Report = 1UL << 59,

    /// <summary>
    /// A verb of swapping one thing for another ("switch", "change", "ganti", "pindah"): the person right after it is what is
    /// swapped ("switch operators and keep my number", "ganti operator tapi nomor tetap"), not someone asked for.
    /// </summary>
    Swap = 1UL << 60,

    /// <summary>
    /// A verb of knowing ("know", "understand", "tau", "paham"): "I know this is an automated chat, just ..." says who is
    /// there, it asks nothing about it (read only to veto the learnt model).
    /// </summary>
    Know = 1UL << 61,

    /// <summary>
    /// Indifference, resignation or acceptance ("whatever", "terserah", "bodo amat", "fine", "gapapa"): "AI or human,
    /// whatever, just refund me", "a bot is fine by me" say it does not matter who answers, they ask nothing about it
    /// (read only to veto the learnt model).
    /// </summary>
    Indifferent = 1UL << 62,
    /// <summary>
    /// Something the business sends or rings out that is not this chat ("email", "SMS", "notification", "newsletter",
    /// "call", "telepon"): "please stop sending me automated emails", "tolong stop kirim SMS otomatis" complain of it, they
    /// ask nothing about who answers here (read only to veto the learnt model).
    /// </summary>
    Broadcast = 1UL << 63,

    /// <summary>Where a clause ends: a boundary or a question mark.</summary>
    Edge = Boundary | Question,
}
