using CxCluster.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxCluster.Deploy.Tests;

/// <summary>
/// What a container's process would read: its environment as Kubernetes gives it (the ConfigMaps of <c>envFrom</c>
/// first, then <c>env</c>, a later entry winning), turned into configuration with the hosts' mapping (<c>__</c> is
/// <c>:</c>), and read by the same settings reader the silo and the API call at start-up.
/// </summary>
public sealed class ContainerSettings
{
    /// <summary>The address a pod's downward-API <c>status.podIP</c> stands for here.</summary>
    public const string PodIp = "10.20.30.40";

    private ContainerSettings(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> secretVariables)
    {
        Environment = environment;
        SecretVariables = secretVariables;
    }

    /// <summary>Variable name to value; a value from a Secret is a placeholder naming the Secret and its key.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The variables whose value comes from a Secret.</summary>
    public IReadOnlyList<string> SecretVariables { get; }

    /// <summary>The container's environment; throws when it names a ConfigMap the overlay does not render or a source this reading does not know.</summary>
    public static ContainerSettings Of(V1Container container, RenderedOverlay overlay)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var secrets = new List<string>();
        foreach (var source in container.EnvFrom ?? [])
        {
            if (source.ConfigMapRef is { } reference)
            {
                var map = overlay.All<V1ConfigMap>().SingleOrDefault(m => m.Metadata.Name == reference.Name)
                    ?? throw new InvalidOperationException($"container {container.Name}: envFrom names ConfigMap {reference.Name}, which the overlay does not render");
                foreach (var (key, value) in map.Data ?? new Dictionary<string, string>())
                {
                    environment[(source.Prefix ?? "") + key] = value;
                }
            }
            else
            {
                // A whole Secret as environment would hide which settings it carries; the manifests name each one.
                throw new InvalidOperationException($"container {container.Name}: envFrom other than a ConfigMap ({source.SecretRef?.Name}) is not read here");
            }
        }
        foreach (var variable in container.Env ?? [])
        {
            environment[variable.Name] = ValueOf(container, variable, overlay, secrets);
        }
        return new ContainerSettings(environment, secrets);
    }

    private static string ValueOf(V1Container container, V1EnvVar variable, RenderedOverlay overlay, List<string> secrets)
    {
        if (variable.ValueFrom is not { } from)
        {
            return variable.Value ?? "";
        }
        if (from.SecretKeyRef is { } secret)
        {
            secrets.Add(variable.Name);
            return $"from-secret-{secret.Name}-{secret.Key}";
        }
        if (from.FieldRef is { } field)
        {
            // The downward API: the pod's own fields, known only once it runs.
            return field.FieldPath == "status.podIP" ? PodIp : $"field-{field.FieldPath}";
        }
        if (from.ConfigMapKeyRef is { } key)
        {
            var map = overlay.All<V1ConfigMap>().SingleOrDefault(m => m.Metadata.Name == key.Name);
            if (map?.Data is { } data && data.TryGetValue(key.Key, out var value))
            {
                return value;
            }
            throw new InvalidOperationException($"container {container.Name}: {variable.Name} names key {key.Key} of ConfigMap {key.Name}, which the overlay does not render");
        }
        throw new InvalidOperationException($"container {container.Name}: {variable.Name} comes from a source this reading does not know");
    }

    /// <summary>The configuration the process builds from this environment (environment variables: <c>__</c> stands for <c>:</c>).</summary>
    public IConfiguration Configuration() =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(Environment.Select(v => new KeyValuePair<string, string?>(v.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), v.Value)))
            .Build();

    /// <summary>The settings as the hosts read them (<c>AddCxClusterSettings</c>); throws <see cref="SettingsException"/> naming each bad key.</summary>
    public CxClusterSettings Read() => new ServiceCollection().AddCxClusterSettings(Configuration());

    /// <summary>The settings, or the reader's complaint.</summary>
    public (CxClusterSettings? Settings, string? Problem) TryRead()
    {
        try
        {
            return (Read(), null);
        }
        catch (SettingsException bad)
        {
            return (null, bad.Message);
        }
    }
}
