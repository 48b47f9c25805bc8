using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Journal;

namespace CxCluster.Grains.Conversations;

/// <summary>
/// A conversation's side of the fact journal, which is all it stores: the facts recorded since the last append, with
/// the answer of the event that recorded them; the state rebuilt from the latest checkpoint plus the facts after it;
/// checkpoints; and the answer of any event id, however old.
/// </summary>
internal sealed class ConversationJournal(ConversationServices services, StreamKey stream)
{
    private readonly List<Fact> _pending = [];
    private ProcessedEvent? _answer;

    /// <summary>What every conversation's stream id starts with.</summary>
    public const string StreamPrefix = "c/";

    /// <summary>The stream of conversation <paramref name="conversationId"/> of tenant <paramref name="tenantId"/>.</summary>
    public static StreamKey Stream(string tenantId, string conversationId) => new(tenantId, StreamPrefix + conversationId);

    public void Record(IEnumerable<Fact> facts) => _pending.AddRange(facts);

    /// <summary>Facts or an answer are waiting to be appended.</summary>
    public bool HasPending => _pending.Count > 0 || _answer is not null;

    /// <summary>The answer of the event whose facts are pending: appended with them, found again by its id.</summary>
    public void Answer(ProcessedEvent answer) => _answer = answer;

    /// <summary>Appends what is pending; the last pending fact gets seq <paramref name="lastSeq"/>.</summary>
    public async Task AppendAsync(long lastSeq)
    {
        if (_pending.Count == 0 && _answer is null)
        {
            return;
        }
        // The encoder's buffer is lent until the append is done: a journal copies what it keeps, so nothing is copied here.
        using var lease = services.Encoders.Lend();
        var (facts, answer) = Encode(lastSeq, lease.Encoder);
        await services.Journal.AppendAsync(new JournalAppend(stream, _answer?.EventId, facts, answer));
        _pending.Clear();
        _answer = null;
    }

    /// <summary>
    /// The pending facts, the last with seq <paramref name="lastSeq"/>, and the answer, encoded into the buffer of
    /// <paramref name="encoder"/>, which every part is a slice of.
    /// </summary>
    private (JournalFact[] Facts, ReadOnlyMemory<byte> Answer) Encode(long lastSeq, JsonEncoder encoder)
    {
        var buffer = encoder.Buffer;
        // An event records a few facts: their places in the buffer fit on the stack.
        Span<(Range Data, Range? Personal)> parts = _pending.Count <= 16 ? stackalloc (Range, Range?)[_pending.Count] : new (Range, Range?)[_pending.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = FactCodec.Append(_pending[i], buffer, encoder.Writer);
        }
        var answerStart = buffer.WrittenCount;
        if (_answer is not null)
        {
            services.Answers.Serialize(_answer, buffer);
        }
        var bytes = buffer.WrittenMemory;

        var facts = new JournalFact[parts.Length];
        var first = lastSeq - parts.Length + 1;
        for (var i = 0; i < facts.Length; i++)
        {
            var (data, personal) = parts[i];
            facts[i] = new JournalFact(first + i, _pending[i].Type, _pending[i].At, bytes[data], personal is { } part ? bytes[part] : null);
        }
        return (facts, _answer is null ? ReadOnlyMemory<byte>.Empty : bytes[answerStart..]);
    }

    /// <summary>Forgets what is pending (the activation that recorded it is being dropped).</summary>
    public void Discard()
    {
        _pending.Clear();
        _answer = null;
    }

    /// <summary>The answers recorded for any of the event ids, however old, each with the seq it was appended with as its version.</summary>
    public async Task<Dictionary<string, ProcessedEvent>> FindAnswersAsync(IReadOnlyCollection<string> eventIds)
    {
        var found = new Dictionary<string, ProcessedEvent>(StringComparer.Ordinal);
        foreach (var (eventId, recorded) in await services.Journal.FindAnswersAsync(stream, eventIds))
        {
            found[eventId] = Processed(eventId, recorded);
        }
        return found;
    }

    /// <summary>The answer recorded for an event id, however old, with the seq it was appended with as its version; or null.</summary>
    public async Task<ProcessedEvent?> FindAnswerAsync(string eventId) =>
        await services.Journal.FindAnswerAsync(stream, eventId) is { } recorded ? Processed(eventId, recorded) : null;

    /// <summary>A recorded answer read back, with the seq it was appended with as its version.</summary>
    private ProcessedEvent Processed(string eventId, RecordedAnswer recorded) =>
        (services.Answers.Deserialize(recorded.Answer) ?? throw new InvalidDataException($"The answer recorded for event {eventId} of {stream} is empty."))
            with { Version = recorded.LastSeq };

    /// <summary>
    /// The state as an earlier answer showed it, rebuilt from the stream's first fact: every fact up to seq
    /// <paramref name="version"/> applied by <paramref name="apply"/>, then each later one for as long as
    /// <paramref name="further"/> says of the state so far that the answer's state is not reached yet. Its
    /// <see cref="ConversationState.Version"/> is the seq of the last fact applied.
    /// </summary>
    public Task<ConversationState> StateAsOfAsync(long version, Action<ConversationState, Fact> apply, Func<ConversationState, bool>? further = null) =>
        AdvanceAsync(new ConversationState(), version, apply, further);

    /// <summary>
    /// Goes on replaying <paramref name="state"/> (rebuilt from the stream's first fact up to its
    /// <see cref="ConversationState.Version"/>) up to seq <paramref name="version"/>, as <see cref="StateAsOfAsync"/> does
    /// from the first fact; returns it.
    /// </summary>
    public async Task<ConversationState> AdvanceAsync(
        ConversationState state, long version, Action<ConversationState, Fact> apply, Func<ConversationState, bool>? further = null)
    {
        while (true)
        {
            var page = await services.Journal.ReadStreamAsync(stream, state.Version, AsOfPage);
            foreach (var stored in page)
            {
                if (stored.Seq > version && (further is null || !further(state)))
                {
                    return state;
                }
                apply(state, FactCodec.Decode(stored.Type, stored.At, stored.Data, stored.Personal ?? default));
                state.Version = stored.Seq;
            }
            if (page.Count < AsOfPage)
            {
                return state;
            }
        }
    }

    private const int AsOfPage = 512;

    /// <summary>
    /// The state as of the stream's last fact: its latest checkpoint (a fresh state when there is none, or when it
    /// cannot be read) with every later fact applied by <paramref name="apply"/>; and the seq of that checkpoint.
    /// </summary>
    public async Task<(ConversationState State, long CheckpointSeq)> LoadAsync(Action<ConversationState, Fact> apply, Action<Exception> unreadable)
    {
        ConversationState state = null!;
        var (from, last) = await services.Journal.LoadAsync(stream, services.States, unreadable, checkpoint =>
        {
            state = checkpoint ?? new ConversationState();
            return stored => apply(state, FactCodec.Decode(stored.Type, stored.At, stored.Data, stored.Personal ?? default));
        });
        state.Version = last;
        return (state, from);
    }

    /// <summary>Keeps <paramref name="state"/> as the stream's checkpoint at its version; the bytes are taken now, so the state may change while they are written.</summary>
    public Task SaveCheckpointAsync(ConversationState state)
    {
        var bytes = services.States.SerializeToArray(state);
        return services.Journal.SaveCheckpointAsync(stream, state.Version, bytes).AsTask();
    }

    /// <summary>Removes the personal part of every fact of the conversation for good.</summary>
    public async Task ErasePersonalAsync() => await services.Journal.ErasePersonalAsync(stream);
}
