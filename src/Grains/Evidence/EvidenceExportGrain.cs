using CxCluster.Grains.Journal;

namespace CxCluster.Grains.Evidence;

/// <summary>
/// One evidence export: keeps the <see cref="EvidenceExport"/> between its pages (its cursor, running hash and
/// summary), and goes away once the last page is handed out. A page asked for out of turn, as after the activation was
/// lost with its silo, is refused rather than answered from the start again: the caller's export is then incomplete
/// and must be asked for anew.
/// </summary>
internal sealed class EvidenceExportGrain(IFactJournal journal) : Grain, IEvidenceExportGrain
{
    private EvidenceExport? _export;
    private EvidenceQuery? _query;
    private int _next;

    async Task<EvidencePage> IEvidenceExportGrain.Read(EvidenceQuery query, int page)
    {
        if (_export is null && page == 0)
        {
            var (tenantId, _) = GrainKeys.Split(this.GetPrimaryKeyString());
            _export = new EvidenceExport(journal, tenantId, query);
            _query = query;
        }
        else if (_export is null || page != _next || query != _query)
        {
            throw new InvalidOperationException($"Page {page} is not the next page of this evidence export; ask for the export again.");
        }
        var result = await _export.NextPageAsync();
        _next++;
        if (result.Last)
        {
            _export.Dispose();
            DeactivateOnIdle();
        }
        return result;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _export?.Dispose();
        return Task.CompletedTask;
    }
}
