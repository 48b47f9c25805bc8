using System.Collections.Concurrent;

namespace CxCluster.Deploy.Tests;

/// <summary>Each overlay rendered once per test class; every load parses the YAML anew, so a test may change what it loaded.</summary>
public sealed class RenderedOverlays
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _yaml = new();

    public Task<string> YamlAsync(string overlay) =>
        _yaml.GetOrAdd(overlay, name => new Lazy<Task<string>>(() => Kustomize.RenderAsync(Path.Combine("overlays", name)))).Value;

    public async Task<RenderedOverlay> LoadAsync(string overlay) => new(overlay, await YamlAsync(overlay));

    /// <summary>The overlay with more YAML documents appended, as if its kustomization rendered them too.</summary>
    public async Task<RenderedOverlay> LoadWithAsync(string overlay, string documents) =>
        new(overlay, (await YamlAsync(overlay)).TrimEnd() + "\n---\n" + documents);
}
