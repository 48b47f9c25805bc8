namespace CxCluster.Deploy.Tests;

/// <summary>
/// Each rule catches what it is for: the production overlay, changed the way a careless edit would change it, breaks
/// the rule with a message that says what is wrong.
/// </summary>
public sealed class RuleTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private const string Overlay = "production";

    [Fact]
    public async Task A_cpu_limit_or_a_missing_memory_limit_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        rendered.SiloContainer.Resources.Limits["cpu"] = new ResourceQuantity("2");
        rendered.ApiContainer.Resources.Limits.Remove("memory");
        var problems = ManifestRules.Resources(rendered);
        Assert.Contains(problems, p => p.Contains("container silo: a CPU limit", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("container api: no memory limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connection_string_written_in_a_manifest_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        var variable = rendered.ApiContainer.Env.Single(e => e.Name == ManifestRules.ConnectionStringVariable);
        variable.ValueFrom = null;
        variable.Value = "Host=db;Username=cx;Password=hunter2;Database=cxcluster";
        var problems = ManifestRules.NoLiteralSecrets(rendered);
        Assert.Contains(problems, p => p.Contains($"container api: {ManifestRules.ConnectionStringVariable} must come from a secretKeyRef", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rendered_secret_or_an_api_key_in_a_config_map_is_caught()
    {
        var rendered = await overlays.LoadWithAsync(Overlay, """
            apiVersion: v1
            kind: Secret
            metadata:
              name: cxcluster-tenant-keys
              namespace: cxcluster
            stringData:
              acme-0: not-a-real-key
            """);
        rendered.All<V1ConfigMap>().Single().Data["Tenants__acme__ApiKeys__1"] = "not-a-real-key";
        var problems = ManifestRules.NoLiteralSecrets(rendered);
        Assert.Contains(problems, p => p.StartsWith("Secret cxcluster-tenant-keys is rendered", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Tenants__acme__ApiKeys__1 is a credential", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_health_port_setting_that_the_probes_do_not_ask_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        rendered.SiloContainer.Env.Single(e => e.Name == "Cluster__HealthPort").Value = "9091";
        var problems = ManifestRules.SiloPortsAndProbes(rendered);
        Assert.Contains("container silo: port health is 8081, but Cluster:HealthPort is 9091", problems);
        Assert.Contains(problems, p => p.Contains("the liveness probe asks port health, not 9091", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_probe_on_the_wrong_path_or_a_startup_probe_shorter_than_the_database_wait_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        rendered.SiloContainer.ReadinessProbe.HttpGet.Path = "/health/live";
        rendered.SiloContainer.StartupProbe.FailureThreshold = 6;
        var problems = ManifestRules.SiloPortsAndProbes(rendered);
        Assert.Contains("container silo: the readiness probe asks /health/live, not /health/ready", problems);
        Assert.Contains(problems, p => p.StartsWith("the silo's startup probe gives up after 30 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_grace_period_no_longer_than_the_shutdown_timeout_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        // Without the variable the silo's own default (20 s) counts.
        var spec = rendered.Silo.Spec.Template.Spec;
        spec.Containers.Single(c => c.Name == "silo").Env = spec.Containers.Single(c => c.Name == "silo").Env.Where(e => e.Name != "Cluster__ShutdownTimeoutSeconds").ToList();
        spec.TerminationGracePeriodSeconds = 20;
        Assert.Equal(["terminationGracePeriodSeconds (20) must be longer than Cluster:ShutdownTimeoutSeconds (20)"], ManifestRules.SiloShutdownFitsGracePeriod(rendered));
    }

    [Fact]
    public async Task A_setting_the_processes_do_not_read_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        rendered.SiloContainer.Env.Add(new V1EnvVar { Name = "Cluster__SiloPorts", Value = "11111" });
        rendered.ApiContainer.Env.Add(new V1EnvVar { Name = "Clustre__ClusterId", Value = "cx-prod" });
        var problems = ManifestRules.SettingsAreRead(rendered);
        Assert.Contains(problems, p => p.StartsWith("the silo's settings are refused: Cluster:SiloPorts is not a cluster setting", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("the API reads no setting Clustre__ClusterId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_value_the_reader_refuses_or_an_api_in_another_cluster_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        rendered.SiloContainer.Env.Single(e => e.Name == "Cluster__ShutdownTimeoutSeconds").Value = "-5";
        Assert.Contains(ManifestRules.SettingsAreRead(rendered), p => p.Contains("Cluster:ShutdownTimeoutSeconds must be a number of seconds above 0", StringComparison.Ordinal));

        rendered = await overlays.LoadAsync(Overlay);
        rendered.ApiContainer.Env.Add(new V1EnvVar { Name = "Cluster__ClusterId", Value = "cx-other" });
        Assert.Contains(ManifestRules.SettingsAreRead(rendered), p => p.StartsWith("the API's cluster (cxcluster/cx-other) is not the silos' (cxcluster/cx-prod)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_silo_without_the_pod_ip_or_with_an_orleans_label_of_another_cluster_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        rendered.SiloContainer.Env.Single(e => e.Name == "Cluster__AdvertisedAddress").ValueFrom.FieldRef.FieldPath = "status.hostIP";
        rendered.Silo.Spec.Template.Metadata.Labels["orleans/clusterId"] = "cx-old";
        Assert.NotEmpty(ManifestRules.SiloAdvertisesPodIp(rendered));
        Assert.Equal(["label orleans/clusterId is cx-old, the silo's Cluster:ClusterId is cx-prod"], ManifestRules.SiloOrleansLabels(rendered));
    }

    [Fact]
    public async Task A_rollout_that_takes_a_silo_away_first_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        rendered.Silo.Spec.Strategy.RollingUpdate.MaxUnavailable = 1;
        Assert.Equal(["Deployment cxcluster-silo must roll with strategy RollingUpdate and maxUnavailable 0"], ManifestRules.RollingUpdatesKeepEveryPod(rendered));
    }

    [Fact]
    public async Task A_budget_that_blocks_drains_or_selects_no_silo_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        var budget = rendered.Single<V1PodDisruptionBudget>("cxcluster-silo");
        budget.Spec.MaxUnavailable = null;
        budget.Spec.MinAvailable = 3;
        Assert.Contains(ManifestRules.SiloDisruptionBudget(rendered), p => p.Contains("lets no silo of 3 go", StringComparison.Ordinal));

        budget.Spec.Selector.MatchLabels["app.kubernetes.io/name"] = "cxcluster-silos";
        Assert.Equal(["expected one PodDisruptionBudget selecting the silo pods, found 0"], ManifestRules.SiloDisruptionBudget(rendered));
    }

    [Fact]
    public async Task A_migrate_job_of_another_version_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        rendered.Migrate.Spec.Template.Spec.Containers[0].Image = "cxcluster/silo:0.9.0";
        Assert.Contains(ManifestRules.MigrateJob(rendered), p => p.Contains("migrates with cxcluster/silo:0.9.0, the silos run cxcluster/silo:1.0.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_silo_port_open_to_the_api_or_a_gateway_open_to_anyone_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        var silo = rendered.Single<V1NetworkPolicy>("cxcluster-silo");
        silo.Spec.Ingress.Single(r => r.FromProperty?.Any(p => p.PodSelector.MatchLabels["app.kubernetes.io/name"] == "cxcluster-api") == true)
            .Ports.Add(new V1NetworkPolicyPort { Port = 11111, Protocol = "TCP" });
        silo.Spec.Ingress.Add(new V1NetworkPolicyIngressRule { Ports = [new V1NetworkPolicyPort { Port = "gateway", Protocol = "TCP" }] });
        var problems = ManifestRules.NetworkPolicies(rendered);
        Assert.Contains("a NetworkPolicy opens the silo port 11111 to pods that are not silo pods", problems);
        Assert.Contains("a NetworkPolicy opens the silo port 11111 to the API pods", problems);
        Assert.Contains("a NetworkPolicy opens the gateway port 30000 to any source", problems);
    }

    [Fact]
    public async Task A_health_port_the_policies_close_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        rendered.SiloContainer.Env.Single(e => e.Name == "Cluster__HealthPort").Value = "9091";
        rendered.SiloContainer.Ports.Single(p => p.Name == "health").ContainerPort = 9091;
        Assert.Equal(["no NetworkPolicy lets the probes reach the silo's health port 9091"], ManifestRules.NetworkPolicies(rendered));
    }

    [Fact]
    public async Task Silo_pods_that_no_policy_isolates_are_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        foreach (var policy in rendered.All<V1NetworkPolicy>())
        {
            policy.Spec.PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "elsewhere" } };
        }
        Assert.Contains("no NetworkPolicy isolates the silo pods: anything reaches the silo port 11111", ManifestRules.NetworkPolicies(rendered));
    }

    [Fact]
    public async Task An_api_with_a_fixed_replica_count_or_probes_on_another_port_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        rendered.Api.Spec.Replicas = 3;
        rendered.ApiContainer.Args = ["--urls", "http://0.0.0.0:5000"];
        Assert.Contains(ManifestRules.ApiAutoscaler(rendered), p => p.Contains("sets replicas", StringComparison.Ordinal));
        var problems = ManifestRules.ApiPortsProbesAndService(rendered);
        Assert.Contains("the API listens on 5000 (--urls) but exposes no containerPort 5000", problems);
        Assert.Contains("container api: the readiness probe asks port http, not 5000", problems);
    }

    [Fact]
    public async Task An_untagged_image_or_a_mounted_token_is_caught()
    {
        var rendered = await overlays.LoadAsync(Overlay);
        rendered.SiloContainer.Image = "cxcluster/silo:latest";
        rendered.Api.Spec.Template.Spec.AutomountServiceAccountToken = true;
        Assert.Contains(ManifestRules.Images(rendered), p => p.StartsWith("the silo runs cxcluster/silo:latest", StringComparison.Ordinal));
        Assert.Contains("Deployment cxcluster-api: a Kubernetes API token is mounted, which no CxCluster process uses", ManifestRules.PodsRunUnprivileged(rendered));
    }

    [Fact]
    public async Task A_missing_kubectl_fails_the_rendering_with_what_to_install()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-kubectl-{Guid.NewGuid():N}", "kubectl");
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Kustomize.RenderAsync(Path.Combine("overlays", "dev"), missing));
        Assert.StartsWith("kubectl is needed to render the Kubernetes manifests (deploy/k8s) and was not found", failure.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overlay_that_does_not_exist_fails_naming_its_directory()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Kustomize.RenderAsync(Path.Combine("overlays", "no-such-overlay")));
        Assert.Contains("no kustomization at", failure.Message, StringComparison.Ordinal);
    }
}
