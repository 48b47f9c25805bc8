using System.Globalization;
using System.Text.RegularExpressions;
using CxCluster.Settings;

namespace CxCluster.Deploy.Tests;

/// <summary>
/// The rules a rendered overlay must keep, each a function from the rendered objects to what breaks it (empty: kept),
/// so a test can both hold every overlay to them and show that each one catches what it is for.
/// </summary>
public static partial class ManifestRules
{
    public const string SiloImage = "cxcluster/silo";
    public const string ApiImage = "cxcluster/api";
    public const string DatabaseSecret = "cxcluster-database";
    public const string ConnectionStringVariable = "ConnectionStrings__CxCluster";

    /// <summary>The top-level configuration sections a silo reads (README, "Configuration").</summary>
    public static readonly IReadOnlyList<string> SiloSections =
        ["Cluster", "Tenants", "ConnectionStrings", "Routing", "Conversations", "Handoffs", "Journal", "Webhooks", "Push", "Dashboard", "Logging"];

    /// <summary>The top-level configuration sections an API process reads (README, "Configuration").</summary>
    public static readonly IReadOnlyList<string> ApiSections =
        ["Cluster", "Tenants", "ConnectionStrings", "Routing", "Events", "RateLimiting", "Stream", "Dashboard", "Logging"];

    /// <summary>Variables the .NET runtime, ASP.NET Core and OpenTelemetry read themselves.</summary>
    private static readonly string[] RuntimePrefixes = ["DOTNET_", "OTEL_", "ASPNETCORE_"];

    // ------------------------------------------------------------------ the silo

    /// <summary>The silo advertises its pod IP, taken from the downward API, as Cluster:AdvertisedAddress.</summary>
    public static List<string> SiloAdvertisesPodIp(RenderedOverlay overlay)
    {
        var problems = new List<string>();
        var advertised = overlay.SiloContainer.Env?.Where(e => e.Name == "Cluster__AdvertisedAddress").ToList() ?? [];
        if (advertised is not [{ ValueFrom.FieldRef.FieldPath: "status.podIP", Value: null }])
        {
            problems.Add("the silo must set Cluster__AdvertisedAddress once, from the downward API's status.podIP");
        }
        if (overlay.Silo.Spec.Template.Spec.HostNetwork == true)
        {
            problems.Add("the silo must not use the host's network: its pod IP is what it advertises");
        }
        return problems;
    }

    /// <summary>The silo's container ports are the ports its settings make it listen on, and its probes ask the health port.</summary>
    public static List<string> SiloPortsAndProbes(RenderedOverlay overlay)
    {
        var problems = new List<string>();
        var container = overlay.SiloContainer;
        var (settings, problem) = ContainerSettings.Of(container, overlay).TryRead();
        if (settings is null)
        {
            return [$"the silo's settings are refused: {problem}"];
        }
        var cluster = settings.Cluster;
        ExpectPort(container, "silo", cluster.SiloPort, "Cluster:SiloPort", problems);
        ExpectPort(container, "gateway", cluster.GatewayPort, "Cluster:GatewayPort", problems);
        if (cluster.HealthPort == 0)
        {
            problems.Add("Cluster:HealthPort is 0: the silo would serve no health endpoints for its probes");
        }
        else
        {
            ExpectPort(container, "health", cluster.HealthPort, "Cluster:HealthPort", problems);
        }
        ExpectProbe(container, container.StartupProbe, "startup", "/health/startup", cluster.HealthPort, problems);
        ExpectProbe(container, container.ReadinessProbe, "readiness", "/health/ready", cluster.HealthPort, problems);
        ExpectProbe(container, container.LivenessProbe, "liveness", "/health/live", cluster.HealthPort, problems);
        // The startup probe must outlast the silo's wait for the database (a first start races the migrate Job).
        if (container.StartupProbe is { } startup && ProbeWindow(startup) <= settings.Cluster.DatabaseWait)
        {
            problems.Add($"the silo's startup probe gives up after {ProbeWindow(startup).TotalSeconds} s, not longer than Cluster:DatabaseWaitSeconds ({settings.Cluster.DatabaseWait.TotalSeconds} s)");
        }
        return problems;
    }

    /// <summary>The grace period outlasts the silo's own shutdown timeout, so an orderly leave is never cut short.</summary>
    public static List<string> SiloShutdownFitsGracePeriod(RenderedOverlay overlay)
    {
        var (settings, problem) = ContainerSettings.Of(overlay.SiloContainer, overlay).TryRead();
        if (settings is null)
        {
            return [$"the silo's settings are refused: {problem}"];
        }
        // Kubernetes' default grace period when the pod sets none.
        var grace = overlay.Silo.Spec.Template.Spec.TerminationGracePeriodSeconds ?? 30;
        return grace > settings.Cluster.ShutdownTimeout.TotalSeconds
            ? []
            : [$"terminationGracePeriodSeconds ({grace}) must be longer than Cluster:ShutdownTimeoutSeconds ({settings.Cluster.ShutdownTimeout.TotalSeconds})"];
    }

    /// <summary>Labels orleans/serviceId and orleans/clusterId, where present, carry the ids the silo reads.</summary>
    public static List<string> SiloOrleansLabels(RenderedOverlay overlay)
    {
        var problems = new List<string>();
        var (settings, problem) = ContainerSettings.Of(overlay.SiloContainer, overlay).TryRead();
        if (settings is null)
        {
            return [$"the silo's settings are refused: {problem}"];
        }
        var labels = overlay.Silo.Spec.Template.Metadata.Labels ?? new Dictionary<string, string>();
        if (labels.TryGetValue("orleans/serviceId", out var service) && service != settings.Cluster.ServiceId)
        {
            problems.Add($"label orleans/serviceId is {service}, the silo's Cluster:ServiceId is {settings.Cluster.ServiceId}");
        }
        if (labels.TryGetValue("orleans/clusterId", out var cluster) && cluster != settings.Cluster.ClusterId)
        {
            problems.Add($"label orleans/clusterId is {cluster}, the silo's Cluster:ClusterId is {settings.Cluster.ClusterId}");
        }
        return problems;
    }

    // ------------------------------------------------------------------ settings

    /// <summary>
    /// The silo and the API accept their settings: every variable names a section the process reads, the reader (the
    /// hosts' own) refuses nothing, a database and tenants are configured, and both belong to the same cluster.
    /// </summary>
    public static List<string> SettingsAreRead(RenderedOverlay overlay)
    {
        var problems = new List<string>();
        var silo = CheckProcess("silo", overlay.SiloContainer, overlay, SiloSections, problems);
        var api = CheckProcess("API", overlay.ApiContainer, overlay, ApiSections, problems);
        if (silo is not null && api is not null)
        {
            if (silo.Cluster.ServiceId != api.Cluster.ServiceId || silo.Cluster.ClusterId != api.Cluster.ClusterId)
            {
                problems.Add($"the API's cluster ({api.Cluster.ServiceId}/{api.Cluster.ClusterId}) is not the silos' ({silo.Cluster.ServiceId}/{silo.Cluster.ClusterId})");
            }
            var siloTenants = silo.Tenants.Select(t => t.TenantId).Order().ToList();
            var apiTenants = api.Tenants.Select(t => t.TenantId).Order().ToList();
            if (!siloTenants.SequenceEqual(apiTenants))
            {
                problems.Add($"the silos serve tenants {string.Join(", ", siloTenants)}, the API {string.Join(", ", apiTenants)}");
            }
            if (api.Tenants.Any(t => t.ApiKeys.Count == 0))
            {
                problems.Add($"the API knows tenants without an API key: {string.Join(", ", api.Tenants.Where(t => t.ApiKeys.Count == 0).Select(t => t.TenantId))}");
            }
        }
        return problems;
    }

    private static CxClusterSettings? CheckProcess(string process, V1Container container, RenderedOverlay overlay, IReadOnlyList<string> sections, List<string> problems)
    {
        var environment = ContainerSettings.Of(container, overlay);
        foreach (var name in environment.Environment.Keys)
        {
            var section = name.Split("__")[0];
            if (!sections.Contains(section, StringComparer.OrdinalIgnoreCase) && !RuntimePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                problems.Add($"the {process} reads no setting {name} (its sections: {string.Join(", ", sections)})");
            }
            if (section.Equals("ConnectionStrings", StringComparison.OrdinalIgnoreCase) && name != ConnectionStringVariable)
            {
                problems.Add($"the {process} reads only the connection string {ConnectionStringVariable}, not {name}");
            }
        }
        var (settings, problem) = environment.TryRead();
        if (settings is null)
        {
            problems.Add($"the {process}'s settings are refused: {problem}");
            return null;
        }
        if (settings.ConnectionString is null)
        {
            problems.Add($"the {process} has no {ConnectionStringVariable}: it would run the embedded default, alone, in memory");
        }
        if (settings.IsEmbeddedDefault)
        {
            problems.Add($"the {process} has no tenants");
        }
        return settings;
    }

    // ------------------------------------------------------------------ rollouts, resources, disruptions

    /// <summary>Rolling updates of the silos and the API never take a pod away before its replacement is ready.</summary>
    public static List<string> RollingUpdatesKeepEveryPod(RenderedOverlay overlay)
    {
        var problems = new List<string>();
        foreach (var deployment in new[] { overlay.Silo, overlay.Api })
        {
            var strategy = deployment.Spec.Strategy;
            if (strategy?.Type != "RollingUpdate" || strategy.RollingUpdate?.MaxUnavailable?.Value is not ("0" or "0%"))
            {
                problems.Add($"Deployment {deployment.Metadata.Name} must roll with strategy RollingUpdate and maxUnavailable 0");
            }
        }
        return problems;
    }

    /// <summary>Every container requests CPU and memory, sets a memory limit at or above its request, and sets no CPU limit.</summary>
    public static List<string> Resources(RenderedOverlay overlay)
    {
        var problems = new List<string>();
        foreach (var (where, container) in overlay.Containers())
        {
            var requests = container.Resources?.Requests ?? new Dictionary<string, ResourceQuantity>();
            var limits = container.Resources?.Limits ?? new Dictionary<string, ResourceQuantity>();
            if (!requests.ContainsKey("cpu"))
            {
                problems.Add($"{where}: no CPU request");
            }
            if (limits.ContainsKey("cpu"))
            {
                problems.Add($"{where}: a CPU limit (a throttled silo misses its membership probes; none is set)");
            }
            if (!limits.TryGetValue("memory", out var memoryLimit))
            {
                problems.Add($"{where}: no memory limit");
            }
            if (!requests.TryGetValue("memory", out var memoryRequest))
            {
                problems.Add($"{where}: no memory request");
            }
            else if (memoryLimit is not null && memoryRequest.ToDecimal() > memoryLimit.ToDecimal())
            {
                problems.Add($"{where}: memory request {memoryRequest} above its limit {memoryLimit}");
            }
        }
        return problems;
    }

    /// <summary>A PodDisruptionBudget selects exactly the silo pods and lets at least one go (a drain can proceed).</summary>
    public static List<string> SiloDisruptionBudget(RenderedOverlay overlay)
    {
        var siloLabels = overlay.Silo.Spec.Template.Metadata.Labels;
        var budgets = overlay.All<V1PodDisruptionBudget>().Where(b => Selects(b.Spec.Selector, siloLabels)).ToList();
        if (budgets.Count != 1)
        {
            return [$"expected one PodDisruptionBudget selecting the silo pods, found {budgets.Count}"];
        }
        var budget = budgets[0];
        var problems = new List<string>();
        foreach (var (owner, template) in overlay.PodTemplates().Where(t => t.Owner != $"Deployment {RenderedOverlay.SiloDeployment}"))
        {
            if (Selects(budget.Spec.Selector, template.Metadata.Labels))
            {
                problems.Add($"PodDisruptionBudget {budget.Metadata.Name} also selects the pods of {owner}");
            }
        }
        var replicas = overlay.Silo.Spec.Replicas ?? 1;
        int? allowed = budget.Spec.MaxUnavailable is { } max ? Count(max, replicas)
            : budget.Spec.MinAvailable is { } min ? replicas - Count(min, replicas)
            : null;
        if (allowed is null)
        {
            problems.Add($"PodDisruptionBudget {budget.Metadata.Name} sets neither maxUnavailable nor minAvailable");
        }
        else if (allowed < 1)
        {
            problems.Add($"PodDisruptionBudget {budget.Metadata.Name} lets no silo of {replicas} go: a node drain would never finish");
        }
        else if (replicas >= 3 && allowed > 1)
        {
            problems.Add($"PodDisruptionBudget {budget.Metadata.Name} lets {allowed} of {replicas} silos go at once");
        }
        return problems;
    }

    // ------------------------------------------------------------------ the migrate Job

    /// <summary>A Job runs the silo image's <c>migrate</c> verb against the silos' database, with the silos' image.</summary>
    public static List<string> MigrateJob(RenderedOverlay overlay)
    {
        var problems = new List<string>();
        var jobs = overlay.All<V1Job>().Where(j => j.Spec.Template.Spec.Containers.Any(IsMigrate)).ToList();
        if (jobs.Count != 1)
        {
            return [$"expected one Job running `{SiloImage} migrate`, found {jobs.Count}"];
        }
        var job = jobs[0];
        var container = job.Spec.Template.Spec.Containers.Single(IsMigrate);
        if (container.Image != overlay.SiloContainer.Image)
        {
            problems.Add($"Job {job.Metadata.Name} migrates with {container.Image}, the silos run {overlay.SiloContainer.Image}");
        }
        if (job.Spec.Template.Spec.RestartPolicy is not ("OnFailure" or "Never"))
        {
            problems.Add($"Job {job.Metadata.Name}: restartPolicy must be OnFailure or Never");
        }
        if (job.Spec.BackoffLimit is null or < 1)
        {
            problems.Add($"Job {job.Metadata.Name}: backoffLimit must let it retry a database that is not up yet");
        }
        var database = container.Env?.SingleOrDefault(e => e.Name == ConnectionStringVariable)?.ValueFrom?.SecretKeyRef;
        var silos = overlay.SiloContainer.Env?.SingleOrDefault(e => e.Name == ConnectionStringVariable)?.ValueFrom?.SecretKeyRef;
        if (database is null || silos is null || database.Name != silos.Name || database.Key != silos.Key)
        {
            problems.Add($"Job {job.Metadata.Name} must take {ConnectionStringVariable} from the silos' Secret and key");
        }
        return problems;
    }

    private static bool IsMigrate(V1Container container) =>
        container.Image?.StartsWith(SiloImage + ":", StringComparison.Ordinal) == true
        && (container.Args ?? []).Concat(container.Command ?? []).Contains("migrate");

    // ------------------------------------------------------------------ secrets

    /// <summary>
    /// No credential is written in the manifests: no Secret object is rendered (the Secrets are created apart), every
    /// variable that carries a connection string, a key or a password comes from a secretKeyRef, and no ConfigMap holds one.
    /// </summary>
    public static List<string> NoLiteralSecrets(RenderedOverlay overlay)
    {
        var problems = new List<string>();
        foreach (var secret in overlay.All<V1Secret>())
        {
            problems.Add($"Secret {secret.Metadata.Name} is rendered: Secrets are created apart, never kept with the manifests");
        }
        foreach (var (where, container) in overlay.Containers())
        {
            foreach (var variable in container.Env ?? [])
            {
                if (IsSensitive(variable.Name) && (variable.Value is not null || variable.ValueFrom?.SecretKeyRef is null))
                {
                    problems.Add($"{where}: {variable.Name} must come from a secretKeyRef");
                }
                if (variable.Value is { } value && LooksLikeCredential(value))
                {
                    problems.Add($"{where}: {variable.Name} holds what looks like a credential");
                }
            }
            foreach (var source in container.EnvFrom ?? [])
            {
                if (source.SecretRef is not null)
                {
                    problems.Add($"{where}: envFrom Secret {source.SecretRef.Name}: each secret setting is named by its own secretKeyRef");
                }
            }
        }
        foreach (var map in overlay.All<V1ConfigMap>())
        {
            foreach (var (key, value) in map.Data ?? new Dictionary<string, string>())
            {
                if (IsSensitive(key) || LooksLikeCredential(value))
                {
                    problems.Add($"ConfigMap {map.Metadata.Name}: {key} is a credential, which belongs in a Secret");
                }
            }
        }
        return problems;
    }

    /// <summary>Names of settings that carry credentials: connection strings, API and supervisor keys, passwords, secrets, tokens.</summary>
    public static bool IsSensitive(string name) => SensitiveName().IsMatch(name);

    [GeneratedRegex(@"^ConnectionStrings__|ApiKeys|SupervisorKeys|Password|Secret|Token|Credential", RegexOptions.IgnoreCase)]
    private static partial Regex SensitiveName();

    private static bool LooksLikeCredential(string value) => CredentialValue().IsMatch(value);

    [GeneratedRegex(@"(Password|Pwd)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialValue();

    // ------------------------------------------------------------------ the API

    /// <summary>The API listens on the port of its --urls, exposes it, is probed there on its own health endpoints, and a Service routes to it.</summary>
    public static List<string> ApiPortsProbesAndService(RenderedOverlay overlay)
    {
        var problems = new List<string>();
        var container = overlay.ApiContainer;
        if (ListenPort(container) is not { } port)
        {
            return ["the API container must pass --urls with the port it listens on"];
        }
        if (!(container.Ports ?? []).Any(p => p.ContainerPort == port))
        {
            problems.Add($"the API listens on {port} (--urls) but exposes no containerPort {port}");
        }
        ExpectProbe(container, container.ReadinessProbe, "readiness", "/health/ready", port, problems);
        ExpectProbe(container, container.LivenessProbe, "liveness", "/health/live", port, problems);
        var apiLabels = overlay.Api.Spec.Template.Metadata.Labels;
        var services = overlay.All<V1Service>().Where(s => s.Spec.Selector is { Count: > 0 } selector && selector.All(l => apiLabels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        if (services.Count == 0)
        {
            problems.Add("no Service selects the API pods");
        }
        foreach (var service in services)
        {
            foreach (var servicePort in service.Spec.Ports)
            {
                if (ResolvePort(container, servicePort.TargetPort ?? servicePort.Port) != port)
                {
                    problems.Add($"Service {service.Metadata.Name} port {servicePort.Port} targets {servicePort.TargetPort}, not the API's {port}");
                }
            }
        }
        return problems;
    }

    /// <summary>An autoscaling/v2 HPA scales the API Deployment, which leaves its replica count to it.</summary>
    public static List<string> ApiAutoscaler(RenderedOverlay overlay)
    {
        var problems = new List<string>();
        var autoscalers = overlay.All<V2HorizontalPodAutoscaler>()
            .Where(h => h.Spec.ScaleTargetRef is { Kind: "Deployment" } target && target.Name == RenderedOverlay.ApiDeployment).ToList();
        if (autoscalers.Count != 1)
        {
            return [$"expected one autoscaling/v2 HorizontalPodAutoscaler of Deployment {RenderedOverlay.ApiDeployment}, found {autoscalers.Count}"];
        }
        var hpa = autoscalers[0];
        if (hpa.Spec.MinReplicas is not { } min || min < 1 || min > hpa.Spec.MaxReplicas)
        {
            problems.Add($"HorizontalPodAutoscaler {hpa.Metadata.Name}: minReplicas must be from 1 to maxReplicas ({hpa.Spec.MaxReplicas})");
        }
        if (hpa.Spec.Metrics is not { Count: > 0 })
        {
            problems.Add($"HorizontalPodAutoscaler {hpa.Metadata.Name} has no metric to scale on");
        }
        if (hpa.Spec.Metrics?.Any(m => m.Resource?.Name == "cpu") == true && overlay.ApiContainer.Resources?.Requests?.ContainsKey("cpu") != true)
        {
            problems.Add("the API scales on CPU utilisation but requests no CPU");
        }
        if (overlay.Api.Spec.Replicas is not null)
        {
            problems.Add($"Deployment {RenderedOverlay.ApiDeployment} sets replicas, which would fight its autoscaler on every apply");
        }
        return problems;
    }

    // ------------------------------------------------------------------ network policies

    /// <summary>
    /// The silo port is reachable from silo pods only, the gateway from silo and API pods only, and the API's port is
    /// open to its clients; silos reach each other and the API reaches the gateway.
    /// </summary>
    public static List<string> NetworkPolicies(RenderedOverlay overlay)
    {
        var problems = new List<string>();
        var (settings, problem) = ContainerSettings.Of(overlay.SiloContainer, overlay).TryRead();
        if (settings is null)
        {
            return [$"the silo's settings are refused: {problem}"];
        }
        var silo = overlay.Silo.Spec.Template.Metadata.Labels;
        var api = overlay.Api.Spec.Template.Metadata.Labels;
        var others = overlay.PodTemplates()
            .Where(t => t.Owner != $"Deployment {RenderedOverlay.SiloDeployment}" && t.Owner != $"Deployment {RenderedOverlay.ApiDeployment}")
            .ToList();

        CheckPort(overlay, overlay.SiloContainer, silo, settings.Cluster.SiloPort, "silo port", mayReach: [("silo", silo)], mustReach: [("silo", silo)], others, problems);
        CheckPort(overlay, overlay.SiloContainer, silo, settings.Cluster.GatewayPort, "gateway port", mayReach: [("silo", silo), ("API", api)], mustReach: [("silo", silo), ("API", api)], others, problems);
        // Kubelets reach pods from their nodes, which some network plugins hold to the policies too.
        if (settings.Cluster.HealthPort != 0 && Peers(overlay, overlay.SiloContainer, silo, settings.Cluster.HealthPort) is { Count: 0 })
        {
            problems.Add($"no NetworkPolicy lets the probes reach the silo's health port {settings.Cluster.HealthPort}");
        }
        if (ListenPort(overlay.ApiContainer) is { } apiPort && Peers(overlay, overlay.ApiContainer, api, apiPort) is { Count: 0 })
        {
            problems.Add($"no NetworkPolicy lets clients reach the API on {apiPort}");
        }
        return problems;
    }

    private static void CheckPort(
        RenderedOverlay overlay, V1Container container, IDictionary<string, string> target, int port, string what,
        (string Name, IDictionary<string, string> Labels)[] mayReach, (string Name, IDictionary<string, string> Labels)[] mustReach,
        List<(string Owner, V1PodTemplateSpec Template)> others, List<string> problems)
    {
        var peers = Peers(overlay, container, target, port);
        if (peers is null)
        {
            problems.Add($"no NetworkPolicy isolates the silo pods: anything reaches the {what} {port}");
            return;
        }
        foreach (var peer in peers)
        {
            if (peer is null)
            {
                problems.Add($"a NetworkPolicy opens the {what} {port} to any source");
                continue;
            }
            if (peer.IpBlock is not null || peer.NamespaceSelector is not null || peer.PodSelector is null)
            {
                problems.Add($"a NetworkPolicy opens the {what} {port} to addresses or namespaces, not only to pods of {string.Join(" and ", mayReach.Select(m => m.Name))}");
                continue;
            }
            if (!mayReach.Any(m => Selects(peer.PodSelector, m.Labels)))
            {
                problems.Add($"a NetworkPolicy opens the {what} {port} to pods that are not {string.Join(" or ", mayReach.Select(m => m.Name))} pods");
            }
            foreach (var (owner, template) in others.Where(o => Selects(peer.PodSelector, o.Template.Metadata.Labels)))
            {
                problems.Add($"a NetworkPolicy opens the {what} {port} to the pods of {owner}");
            }
            if (mayReach.All(m => m.Name != "API") && Selects(peer.PodSelector, overlay.Api.Spec.Template.Metadata.Labels))
            {
                problems.Add($"a NetworkPolicy opens the {what} {port} to the API pods");
            }
        }
        foreach (var (name, labels) in mustReach)
        {
            if (!peers.Any(p => p is not null && p.PodSelector is not null && p.NamespaceSelector is null && Selects(p.PodSelector, labels)))
            {
                problems.Add($"no NetworkPolicy lets {name} pods reach the {what} {port}");
            }
        }
    }

    /// <summary>
    /// Who may reach <paramref name="port"/> of pods labelled <paramref name="target"/>: null when no policy isolates
    /// them (everyone may); otherwise the peers of every rule that opens the port, a null peer meaning any source.
    /// </summary>
    private static List<V1NetworkPolicyPeer?>? Peers(RenderedOverlay overlay, V1Container container, IDictionary<string, string> target, int port)
    {
        var isolating = overlay.All<V1NetworkPolicy>()
            .Where(p => Selects(p.Spec.PodSelector, target) && (p.Spec.PolicyTypes?.Contains("Ingress") ?? true))
            .ToList();
        if (isolating.Count == 0)
        {
            return null;
        }
        var peers = new List<V1NetworkPolicyPeer?>();
        foreach (var rule in isolating.SelectMany(p => p.Spec.Ingress ?? []))
        {
            var opens = rule.Ports is not { Count: > 0 } ports
                || ports.Any(p => p.Port is null || (ResolvePort(container, p.Port) is { } from && (p.EndPort is { } end ? from <= port && port <= end : from == port)));
            if (!opens)
            {
                continue;
            }
            if (rule.FromProperty is not { Count: > 0 } sources)
            {
                peers.Add(null);
            }
            else
            {
                peers.AddRange(sources);
            }
        }
        return peers;
    }

    // ------------------------------------------------------------------ pods, images, overlays

    /// <summary>Every pod runs under a ServiceAccount the overlay renders, without a token (no pod calls the Kubernetes API), and as a non-root user.</summary>
    public static List<string> PodsRunUnprivileged(RenderedOverlay overlay)
    {
        var problems = new List<string>();
        var accounts = overlay.All<V1ServiceAccount>().ToDictionary(a => a.Metadata.Name);
        foreach (var (owner, template) in overlay.PodTemplates())
        {
            var spec = template.Spec;
            if (spec.ServiceAccountName is not { } name || !accounts.TryGetValue(name, out var account))
            {
                problems.Add($"{owner}: its ServiceAccount ({spec.ServiceAccountName ?? "default"}) is not one the overlay renders");
            }
            else if ((spec.AutomountServiceAccountToken ?? account.AutomountServiceAccountToken) != false)
            {
                problems.Add($"{owner}: a Kubernetes API token is mounted, which no CxCluster process uses");
            }
            if (spec.SecurityContext?.RunAsNonRoot != true)
            {
                problems.Add($"{owner}: runAsNonRoot is not set");
            }
        }
        if (overlay.All<V1Role>().Any() || overlay.All<V1ClusterRole>().Any() || overlay.All<V1RoleBinding>().Any() || overlay.All<V1ClusterRoleBinding>().Any())
        {
            problems.Add("a role is rendered: with PostgreSQL clustering no CxCluster pod needs Kubernetes API access");
        }
        return problems;
    }

    /// <summary>The silo and migrate containers run cxcluster/silo, the API cxcluster/api, each with the overlay's tag (never latest).</summary>
    public static List<string> Images(RenderedOverlay overlay)
    {
        var problems = new List<string>();
        ExpectImage("the silo", overlay.SiloContainer.Image, SiloImage, problems);
        ExpectImage("the API", overlay.ApiContainer.Image, ApiImage, problems);
        foreach (var container in overlay.Migrate.Spec.Template.Spec.Containers)
        {
            ExpectImage($"Job {RenderedOverlay.MigrateJob}", container.Image, SiloImage, problems);
        }
        if (ImageTag(overlay.SiloContainer.Image) != ImageTag(overlay.ApiContainer.Image))
        {
            problems.Add($"the silo ({overlay.SiloContainer.Image}) and the API ({overlay.ApiContainer.Image}) run different versions");
        }
        return problems;
    }

    private static void ExpectImage(string who, string? image, string repository, List<string> problems)
    {
        if (image is null || !image.StartsWith(repository + ":", StringComparison.Ordinal) || ImageTag(image) is not { Length: > 0 } tag || tag == "latest")
        {
            problems.Add($"{who} runs {image ?? "no image"}, not {repository} with a version tag set by the overlay");
        }
    }

    private static string? ImageTag(string? image) => image?.LastIndexOf(':') is { } at and >= 0 ? image[(at + 1)..] : null;

    // ------------------------------------------------------------------ ports, probes, selectors

    private static void ExpectPort(V1Container container, string name, int port, string setting, List<string> problems)
    {
        var declared = (container.Ports ?? []).Where(p => p.Name == name).ToList();
        if (declared is not [{ } only])
        {
            problems.Add($"container {container.Name} must declare one port named {name} ({setting} = {port})");
        }
        else if (only.ContainerPort != port)
        {
            problems.Add($"container {container.Name}: port {name} is {only.ContainerPort}, but {setting} is {port}");
        }
    }

    private static void ExpectProbe(V1Container container, V1Probe? probe, string kind, string path, int port, List<string> problems)
    {
        if (probe?.HttpGet is not { } get)
        {
            problems.Add($"container {container.Name} has no HTTP {kind} probe on {path}");
            return;
        }
        if (get.Path != path)
        {
            problems.Add($"container {container.Name}: the {kind} probe asks {get.Path}, not {path}");
        }
        if (ResolvePort(container, get.Port) is not { } probed || probed != port)
        {
            problems.Add($"container {container.Name}: the {kind} probe asks port {get.Port}, not {port}");
        }
    }

    /// <summary>How long a probe lets a container fail before it acts.</summary>
    public static TimeSpan ProbeWindow(V1Probe probe) =>
        TimeSpan.FromSeconds((probe.InitialDelaySeconds ?? 0) + (probe.PeriodSeconds ?? 10) * (probe.FailureThreshold ?? 3));

    /// <summary>A port given by number, or by the name of one of the container's ports.</summary>
    private static int? ResolvePort(V1Container container, IntOrString? port)
    {
        if (port?.Value is not { } value)
        {
            return null;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : (container.Ports ?? []).FirstOrDefault(p => p.Name == value)?.ContainerPort;
    }

    /// <summary>The port of the first URL after <c>--urls</c>.</summary>
    public static int? ListenPort(V1Container container)
    {
        var arguments = (container.Command ?? []).Concat(container.Args ?? []).ToList();
        string? urls = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--urls" && i + 1 < arguments.Count)
            {
                urls = arguments[i + 1];
            }
            else if (arguments[i].StartsWith("--urls=", StringComparison.Ordinal))
            {
                urls = arguments[i]["--urls=".Length..];
            }
        }
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        // Kestrel's wildcard hosts are no host names to a URI parser.
        return first is not null && Uri.TryCreate(first.Replace("://+", "://any", StringComparison.Ordinal).Replace("://*", "://any", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri.Port
            : null;
    }

    private static int Count(IntOrString value, int of) =>
        value.Value.EndsWith('%')
            ? (int)Math.Ceiling(of * int.Parse(value.Value.TrimEnd('%'), CultureInfo.InvariantCulture) / 100.0)
            : int.Parse(value.Value, CultureInfo.InvariantCulture);

    /// <summary>Whether a label selector selects pods with these labels (matchLabels and matchExpressions; an empty selector selects every pod).</summary>
    public static bool Selects(V1LabelSelector? selector, IDictionary<string, string>? labels)
    {
        labels ??= new Dictionary<string, string>();
        if (selector is null)
        {
            return false;
        }
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }
        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var has = labels.TryGetValue(requirement.Key, out var actual);
            var values = requirement.Values ?? [];
            var holds = requirement.OperatorProperty switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!holds)
            {
                return false;
            }
        }
        return true;
    }
}
