namespace CxCluster.Deploy.Tests;

/// <summary>The objects an overlay renders to, loaded by kind with the Kubernetes client's strict YAML loader.</summary>
public sealed class RenderedOverlay
{
    public const string SiloDeployment = "cxcluster-silo";
    public const string ApiDeployment = "cxcluster-api";
    public const string MigrateJob = "cxcluster-migrate";

    public RenderedOverlay(string name, string yaml)
    {
        Name = name;
        // Strict: a field the Kubernetes API does not know (a typo) fails the load instead of vanishing.
        Objects = KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);
    }

    /// <summary>The overlay's directory name under deploy/k8s/overlays.</summary>
    public string Name { get; }

    public IReadOnlyList<object> Objects { get; }

    public IEnumerable<T> All<T>() where T : IKubernetesObject<V1ObjectMeta> => Objects.OfType<T>();

    /// <summary>The one object of that kind and name; fails the test naming what is there instead.</summary>
    public T Single<T>(string name) where T : IKubernetesObject<V1ObjectMeta>
    {
        var found = All<T>().Where(o => o.Metadata.Name == name).ToList();
        return found.Count == 1
            ? found[0]
            : throw new Xunit.Sdk.XunitException(
                $"{Name}: expected one {typeof(T).Name} named {name}, found {found.Count} (there are: {string.Join(", ", All<T>().Select(o => o.Metadata.Name))})");
    }

    public V1Deployment Silo => Single<V1Deployment>(SiloDeployment);

    public V1Deployment Api => Single<V1Deployment>(ApiDeployment);

    public V1Job Migrate => Single<V1Job>(MigrateJob);

    public V1Container SiloContainer => Silo.Spec.Template.Spec.Containers.Single(c => c.Name == "silo");

    public V1Container ApiContainer => Api.Spec.Template.Spec.Containers.Single(c => c.Name == "api");

    /// <summary>Every pod template the overlay runs, named after its owner.</summary>
    public IEnumerable<(string Owner, V1PodTemplateSpec Template)> PodTemplates() =>
        All<V1Deployment>().Select(d => ($"Deployment {d.Metadata.Name}", d.Spec.Template))
            .Concat(All<V1StatefulSet>().Select(s => ($"StatefulSet {s.Metadata.Name}", s.Spec.Template)))
            .Concat(All<V1DaemonSet>().Select(s => ($"DaemonSet {s.Metadata.Name}", s.Spec.Template)))
            .Concat(All<V1Job>().Select(j => ($"Job {j.Metadata.Name}", j.Spec.Template)));

    /// <summary>Every container and init container of every pod template.</summary>
    public IEnumerable<(string Where, V1Container Container)> Containers() =>
        PodTemplates().SelectMany(t => (t.Template.Spec.InitContainers ?? []).Concat(t.Template.Spec.Containers)
            .Select(c => ($"{t.Owner} container {c.Name}", c)));
}
