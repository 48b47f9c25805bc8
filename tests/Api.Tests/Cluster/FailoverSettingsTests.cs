using CxCluster.Api.Cluster;
using CxCluster.Api.Tests.Infrastructure;
using CxCluster.Settings;
using CxCluster.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Messaging;

namespace CxCluster.Api.Tests.Cluster;

/// <summary>The <c>Cluster:*</c> failure settings reach Orleans' own options in both hosts, and the failures they produce are answered 503.</summary>
public sealed class FailoverSettingsTests
{
    private const string Postgres = "Host=127.0.0.1;Port=1;Username=cx;Password=unused;Database=cxcluster";

    [Fact]
    public async Task Api_client_defaults_to_a_3_s_response_timeout_and_a_5_s_gateway_refresh()
    {
        await using var api = LocalCluster.BuildApi("cxcluster-settings", [30000], new Dictionary<string, string?>());

        Assert.Equal(TimeSpan.FromSeconds(3), api.Services.GetRequiredService<IOptions<ClientMessagingOptions>>().Value.ResponseTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), api.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.GatewayListRefreshPeriod);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Api_client_reads_the_response_timeout_and_gateway_refresh_from_the_Cluster_section(bool postgres)
    {
        await using var api = LocalCluster.BuildApi("cxcluster-settings", [30000], new Dictionary<string, string?>(ClusterFixture.TenantSettings)
        {
            ["Cluster:ResponseTimeoutSeconds"] = "7.5",
            ["Cluster:GatewayRefreshSeconds"] = "2",
            ["ConnectionStrings:CxCluster"] = postgres ? Postgres : "",
        });

        Assert.Equal(TimeSpan.FromSeconds(7.5), api.Services.GetRequiredService<IOptions<ClientMessagingOptions>>().Value.ResponseTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), api.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.GatewayListRefreshPeriod);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Silo_detects_failures_with_the_shipped_defaults_in_the_embedded_default_and_with_PostgreSQL(bool postgres)
    {
        using var silo = BuildSilo(new Dictionary<string, string?>(ClusterFixture.TenantSettings) { ["ConnectionStrings:CxCluster"] = postgres ? Postgres : "" });

        Assert.Equal(TimeSpan.FromSeconds(3), silo.Services.GetRequiredService<IOptions<SiloMessagingOptions>>().Value.ResponseTimeout);
        var membership = silo.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(1), membership.ProbeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(0.5), membership.MinProbeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), membership.MaxProbeTimeout);
        Assert.Equal(3, membership.NumMissedProbesLimit);
        Assert.Equal(2, membership.NumVotesForDeathDeclaration);
        Assert.Equal(TimeSpan.FromSeconds(5), membership.TableRefreshTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), membership.IAmAliveTablePublishTimeout);
        Assert.Equal(3, membership.NumMissedTableIAmAliveLimit);
        Assert.Equal(TimeSpan.FromSeconds(20), silo.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Silo_reads_every_failure_setting_from_the_Cluster_section(bool postgres)
    {
        using var silo = BuildSilo(new Dictionary<string, string?>(ClusterFixture.TenantSettings)
        {
            ["ConnectionStrings:CxCluster"] = postgres ? Postgres : "",
            ["Cluster:ResponseTimeoutSeconds"] = "10",
            ["Cluster:ProbeTimeoutSeconds"] = "2",
            ["Cluster:MaxProbeTimeoutSeconds"] = "8",
            ["Cluster:MissedProbesLimit"] = "4",
            ["Cluster:VotesForDeathDeclaration"] = "3",
            ["Cluster:TableRefreshSeconds"] = "15",
            ["Cluster:IAmAliveSeconds"] = "12",
            ["Cluster:ShutdownTimeoutSeconds"] = "25",
        });

        Assert.Equal(TimeSpan.FromSeconds(10), silo.Services.GetRequiredService<IOptions<SiloMessagingOptions>>().Value.ResponseTimeout);
        var membership = silo.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(2), membership.ProbeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), membership.MinProbeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(8), membership.MaxProbeTimeout);
        Assert.Equal(4, membership.NumMissedProbesLimit);
        Assert.Equal(3, membership.NumVotesForDeathDeclaration);
        Assert.Equal(TimeSpan.FromSeconds(15), membership.TableRefreshTimeout);
        Assert.Equal(TimeSpan.FromSeconds(12), membership.IAmAliveTablePublishTimeout);
        Assert.Equal(TimeSpan.FromSeconds(25), silo.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Theory]
    [InlineData("Cluster:ResponseTimeoutSeconds", "0")]
    [InlineData("Cluster:ResponseTimeoutSeconds", "soon")]
    [InlineData("Cluster:GatewayRefreshSeconds", "-1")]
    public void Api_refuses_a_timeout_that_is_not_a_positive_number_of_seconds_and_names_it(string key, string value)
    {
        var error = Assert.Throws<SettingsException>(() => LocalCluster.BuildApi("cxcluster-settings", [30000], new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key, error.Message);
    }

    [Theory]
    [InlineData("Cluster:ResponseTimeoutSeconds", "0", "ResponseTimeoutSeconds")]
    [InlineData("Cluster:ProbeTimeoutSeconds", "-2", "ProbeTimeoutSeconds")]
    [InlineData("Cluster:MaxProbeTimeoutSeconds", "0.5", "MaxProbeTimeoutSeconds")]
    [InlineData("Cluster:MissedProbesLimit", "0", "MissedProbesLimit")]
    [InlineData("Cluster:VotesForDeathDeclaration", "0", "VotesForDeathDeclaration")]
    public void Silo_refuses_a_failure_setting_out_of_range_and_names_it(string key, string value, string named)
    {
        var error = Assert.Throws<SettingsException>(() => BuildSilo(new Dictionary<string, string?> { [key] = value }).Dispose());

        Assert.Contains(named, error.Message);
    }

    /// <summary>The exceptions Orleans 10.4.2 raises when a silo or gateway fails under a call, each answered 503.</summary>
    public static TheoryData<Exception> ClusterFailures => new()
    {
        // The response timeout (CallbackData.OnTimeout): the gateway or the silo died with the call in it.
        new TimeoutException("Response did not arrive on time in 00:00:03 for message: Request ..."),
        // The target silo was declared dead, or this client is stopping (CallbackData.OnTargetSiloFail / OnHostShutdown).
        // It is an OrleansMessageRejectionException, as are the rejections without an exception of their own, such as
        // "No gateways available" (that type cannot be built outside Orleans; ClusterFaults matches the base type).
        new SiloUnavailableException("The target silo became unavailable for message: Request ..."),
        // A gateway or silo refused the connection; the rejection carries the exception itself.
        new ConnectionFailedException("Unable to connect to endpoint S127.0.0.1:30000:0. See InnerException",
            new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)),
        new GatewayTooBusyException(),
        // The message expired on its way while its grain was being placed on a new silo.
        new OperationCanceledException("Message expired"),
        new AggregateException(new TimeoutException(), new SiloUnavailableException()),
        // A silo asked to stop has left the active set before the client's view of it: placement finds no silo.
        new OrleansException("No active nodes are compatible with grain conversation and interface CxCluster.Abstractions.IConversationGrain version 0. Known nodes with grain type: none. All known nodes compatible with interface version: none"),
        // The grain directory while a silo leaves or dies (seen with PostgreSQL down as a silo stopped): a look-up passed on
        // to an owner that is no longer one, or an activation registered for a silo already declared dead.
        new OrleansException("Silo S127.0.0.1:19311:0 is not owner of conversation/acme/t2-6, cannot forward LookUpAsync to owner S127.0.0.1:19312:0 because hop limit is reached"),
        new OrleansException("Trying to register conversation/acme/t3-9 on invalid silo: S127.0.0.1:19311:0. Known status: Dead"),
    };

    [Theory]
    [MemberData(nameof(ClusterFailures))]
    public void A_silo_or_gateway_failure_is_answered_503(Exception failure) => Assert.True(ClusterFaults.IsUnavailable(failure));

    [Fact]
    public void A_fault_in_the_code_is_not_mistaken_for_a_cluster_failure()
    {
        Assert.False(ClusterFaults.IsUnavailable(new InvalidOperationException("a bug")));
        Assert.False(ClusterFaults.IsUnavailable(new AggregateException(new TimeoutException(), new ArgumentException("a bug"))));
        Assert.False(ClusterFaults.IsUnavailable(new OrleansException("Grain type not found")));
    }

    [Fact]
    public void A_call_that_took_too_long_is_told_as_such_and_a_silo_out_of_reach_as_unreachable()
    {
        Assert.Equal(ClusterFaults.TimedOut, ClusterFaults.DetailFor(new TimeoutException("Response did not arrive on time")));
        Assert.Equal(ClusterFaults.TimedOut, ClusterFaults.DetailFor(new AggregateException(new TimeoutException(), new TimeoutException())));
        Assert.Equal(ClusterFaults.Detail, ClusterFaults.DetailFor(new ConnectionFailedException("refused")));
        Assert.Equal(ClusterFaults.Detail, ClusterFaults.DetailFor(new AggregateException(new TimeoutException(), new ConnectionFailedException("refused"))));
        Assert.Contains("again is safe", ClusterFaults.TimedOut);
    }

    private static IHost BuildSilo(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCxClusterSilo();
        return builder.Build();
    }
}
