using CxCluster.Grains.Conversations;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using CxCluster.Grains.Journal;

namespace CxCluster.Grains.Evidence;

/// <summary>
/// One tenant's evidence export, computed from its journal page by page: the line of each conversation with facts in
/// the period (its evidence from its start up to the end of the period), then the summary line with the SHA-256 of the
/// exact bytes of every line before it, each line's <c>\n</c> included. Only the page being made is held in memory.
/// The export grain and the silo's <c>evidence</c> verb both make their exports with it.
/// </summary>
public sealed class EvidenceExport : IDisposable
{
    /// <summary>Conversations one page holds at most.</summary>
    public const int ConversationsPerPage = 100;

    private const int FactsPerRead = 1_000;

    private readonly IFactJournal _journal;
    private readonly string _tenantId;
    private readonly EvidenceQuery _query;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly EvidenceSummary _summary = new();
    private readonly EvidenceLines _lines = new();
    private ActiveStream? _after;

    /// <exception cref="ArgumentException">The query names a bad period or conversation id.</exception>
    public EvidenceExport(IFactJournal journal, string tenantId, EvidenceQuery query)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Problem() is { } problem)
        {
            throw new ArgumentException(problem.Message, problem.Field);
        }
        _journal = journal;
        _tenantId = tenantId;
        _query = query;
    }

    /// <summary>The summary line was handed out: the export is complete.</summary>
    public bool Done { get; private set; }

    /// <summary>Every page of an export, in order.</summary>
    public static async IAsyncEnumerable<EvidencePage> ReadAllAsync(
        IFactJournal journal, string tenantId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var export = new EvidenceExport(journal, tenantId, query);
        while (!export.Done)
        {
            yield return await export.NextPageAsync(ct);
        }
    }

    /// <summary>The next page; the last one ends with the summary line.</summary>
    public async ValueTask<EvidencePage> NextPageAsync(CancellationToken ct = default)
    {
        if (Done)
        {
            throw new InvalidOperationException("The export is complete: its summary line was handed out.");
        }
        var page = new ArrayBufferWriter<byte>(16 * 1024);
        bool last;
        if (_query.ConversationId is { } conversationId)
        {
            await AddConversationAsync(page, conversationId, onlyIfActive: true, ct);
            last = true;
        }
        else
        {
            var streams = await _journal.ReadActiveStreamsAsync(_tenantId, ConversationJournal.StreamPrefix, _query.From, _query.To, _after, ConversationsPerPage, ct);
            foreach (var stream in streams)
            {
                await AddConversationAsync(page, stream.StreamId[ConversationJournal.StreamPrefix.Length..], onlyIfActive: false, ct);
                _after = stream;
            }
            last = streams.Count < ConversationsPerPage;
        }
        if (last)
        {
            _lines.WriteSummary(page, _summary, Convert.ToHexStringLower(_hash.GetHashAndReset()));
            Done = true;
        }
        return new EvidencePage { Lines = page.WrittenSpan.ToArray(), Last = last };
    }

    public void Dispose() => _hash.Dispose();

    /// <summary>Folds the conversation's facts up to the end of the period into its line, and hashes the line.</summary>
    private async ValueTask AddConversationAsync(ArrayBufferWriter<byte> page, string conversationId, bool onlyIfActive, CancellationToken ct)
    {
        var stream = ConversationJournal.Stream(_tenantId, conversationId);
        var builder = new EvidenceBuilder(conversationId);
        var active = !onlyIfActive;
        for (long afterSeq = 0; ;)
        {
            var facts = await _journal.ReadStreamAsync(stream, afterSeq, FactsPerRead, ct);
            foreach (var fact in facts)
            {
                if (fact.At < _query.To)
                {
                    builder.Add(fact);
                    active |= fact.At >= _query.From;
                }
            }
            if (facts.Count < FactsPerRead)
            {
                break;
            }
            afterSeq = facts[^1].Seq;
        }
        if (!active)
        {
            return;
        }
        var evidence = builder.Build();
        var start = page.WrittenCount;
        _lines.WriteConversation(page, evidence);
        _hash.AppendData(page.WrittenSpan[start..]);
        _summary.Add(evidence);
    }
}
