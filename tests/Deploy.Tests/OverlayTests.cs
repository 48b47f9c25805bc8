namespace CxCluster.Deploy.Tests;

/// <summary>
/// Every overlay under deploy/k8s/overlays, rendered with <c>kubectl kustomize</c> as <c>kubectl apply -k</c> would,
/// keeps every rule of <see cref="ManifestRules"/>.
/// </summary>
public sealed class OverlayTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    /// <summary>Every directory under deploy/k8s/overlays.</summary>
    public static IReadOnlyList<string> OverlayNames() =>
        Directory.GetDirectories(Path.Combine(Kustomize.RepositoryRoot(), "deploy", "k8s", "overlays"))
            .Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Overlays() => new(OverlayNames());

    [Fact]
    public void The_dev_and_production_overlays_exist()
    {
        Assert.Equal(["dev", "production"], OverlayNames().Intersect(["dev", "production"]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_silo_advertises_its_pod_ip_from_the_downward_api(string overlay) =>
        Assert.Empty(ManifestRules.SiloAdvertisesPodIp(await overlays.LoadAsync(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_silo_exposes_the_ports_its_settings_give_and_is_probed_on_its_health_port(string overlay)
    {
        var rendered = await overlays.LoadAsync(overlay);
        Assert.Empty(ManifestRules.SiloPortsAndProbes(rendered));
        // The ports the reader yields are the product's: 11111, 30000 and the health port 8081.
        var cluster = ContainerSettings.Of(rendered.SiloContainer, rendered).Read().Cluster;
        Assert.Equal((11111, 30000, 8081), (cluster.SiloPort, cluster.GatewayPort, cluster.HealthPort));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_grace_period_outlasts_the_silo_shutdown_timeout(string overlay) =>
        Assert.Empty(ManifestRules.SiloShutdownFitsGracePeriod(await overlays.LoadAsync(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_orleans_labels_carry_the_ids_the_silo_reads(string overlay) =>
        Assert.Empty(ManifestRules.SiloOrleansLabels(await overlays.LoadAsync(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_silo_and_the_api_accept_their_settings_and_share_one_cluster(string overlay) =>
        Assert.Empty(ManifestRules.SettingsAreRead(await overlays.LoadAsync(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Rolling_updates_take_no_pod_away_first(string overlay) =>
        Assert.Empty(ManifestRules.RollingUpdatesKeepEveryPod(await overlays.LoadAsync(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_container_requests_cpu_without_a_cpu_limit_and_limits_memory(string overlay) =>
        Assert.Empty(ManifestRules.Resources(await overlays.LoadAsync(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task A_disruption_budget_lets_one_silo_go_at_a_time(string overlay) =>
        Assert.Empty(ManifestRules.SiloDisruptionBudget(await overlays.LoadAsync(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task A_job_migrates_the_database_with_the_silo_image(string overlay) =>
        Assert.Empty(ManifestRules.MigrateJob(await overlays.LoadAsync(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task No_credential_is_written_in_the_manifests(string overlay)
    {
        var rendered = await overlays.LoadAsync(overlay);
        Assert.Empty(ManifestRules.NoLiteralSecrets(rendered));
        // The connection string and at least one tenant key do come from Secrets, in the silo and the API alike.
        foreach (var container in new[] { rendered.SiloContainer, rendered.ApiContainer })
        {
            var secrets = ContainerSettings.Of(container, rendered).SecretVariables;
            Assert.Contains(ManifestRules.ConnectionStringVariable, secrets);
            Assert.Contains(secrets, name => name.StartsWith("Tenants__", StringComparison.Ordinal) && name.Contains("__ApiKeys__", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_api_is_probed_on_its_own_health_endpoints_behind_a_service(string overlay) =>
        Assert.Empty(ManifestRules.ApiPortsProbesAndService(await overlays.LoadAsync(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task An_autoscaler_scales_the_api(string overlay) =>
        Assert.Empty(ManifestRules.ApiAutoscaler(await overlays.LoadAsync(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Only_silos_reach_the_silo_port_and_only_silos_and_the_api_the_gateway(string overlay) =>
        Assert.Empty(ManifestRules.NetworkPolicies(await overlays.LoadAsync(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Pods_run_without_a_kubernetes_token_and_not_as_root(string overlay) =>
        Assert.Empty(ManifestRules.PodsRunUnprivileged(await overlays.LoadAsync(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_images_carry_the_overlay_version(string overlay) =>
        Assert.Empty(ManifestRules.Images(await overlays.LoadAsync(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_object_lives_in_the_overlay_namespace(string overlay)
    {
        var rendered = await overlays.LoadAsync(overlay);
        var namespaces = rendered.All<V1Namespace>().ToList();
        var only = Assert.Single(namespaces);
        var outside = rendered.Objects.OfType<IKubernetesObject<V1ObjectMeta>>()
            .Where(o => o is not V1Namespace && o.Metadata.NamespaceProperty != only.Metadata.Name)
            .Select(o => $"{o.Kind} {o.Metadata.Name} in {o.Metadata.NamespaceProperty ?? "no namespace"}");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task Dev_runs_one_or_two_silos_in_a_cluster_of_its_own()
    {
        var dev = await overlays.LoadAsync("dev");
        Assert.InRange(dev.Silo.Spec.Replicas ?? 1, 1, 2);
        Assert.InRange(Autoscaler(dev).Spec.MaxReplicas, 1, 2);
        var cluster = ContainerSettings.Of(dev.SiloContainer, dev).Read().Cluster;
        Assert.Contains("dev", cluster.ClusterId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_runs_three_silos_or_more_with_more_resources_than_dev()
    {
        var dev = await overlays.LoadAsync("dev");
        var production = await overlays.LoadAsync("production");
        Assert.True(production.Silo.Spec.Replicas >= 3, $"production runs {production.Silo.Spec.Replicas} silos");
        Assert.True(Autoscaler(production).Spec.MinReplicas >= 2, "production's API autoscaler keeps at least two processes");

        var devCluster = ContainerSettings.Of(dev.SiloContainer, dev).Read().Cluster;
        var cluster = ContainerSettings.Of(production.SiloContainer, production).Read().Cluster;
        Assert.DoesNotContain("dev", cluster.ClusterId, StringComparison.Ordinal);
        Assert.NotEqual(devCluster.ClusterId, cluster.ClusterId);

        foreach (var (smaller, larger) in new[] { (dev.SiloContainer, production.SiloContainer), (dev.ApiContainer, production.ApiContainer) })
        {
            Assert.True(larger.Resources.Requests["cpu"].ToDecimal() > smaller.Resources.Requests["cpu"].ToDecimal(), $"{larger.Name}: production requests no more CPU than dev");
            Assert.True(larger.Resources.Limits["memory"].ToDecimal() > smaller.Resources.Limits["memory"].ToDecimal(), $"{larger.Name}: production allows no more memory than dev");
        }
    }

    private static V2HorizontalPodAutoscaler Autoscaler(RenderedOverlay overlay) =>
        Assert.Single(overlay.All<V2HorizontalPodAutoscaler>(), h => h.Spec.ScaleTargetRef.Name == RenderedOverlay.ApiDeployment);
}
