using System.Net;
using System.Net.Sockets;
using CxCluster.Storage.Tests.Processes;
using CxCluster.TestSupport.Processes;
using Npgsql;

namespace CxCluster.Storage.Tests.Durability;

/// <summary>
/// A silo pointed at a database it cannot use says why in one line and stops, instead of hanging or dumping a stack;
/// meanwhile its health port says it lives but has not started.
/// </summary>
public sealed class SiloStartupTests
{
    private static Dictionary<string, string?> Settings(string connectionString, int healthPort = 0) => new()
    {
        ["ConnectionStrings:CxCluster"] = connectionString,
        ["Cluster:DatabaseWaitSeconds"] = "1",
        ["Cluster:HealthPort"] = healthPort.ToString(),
        ["Tenants:acme:ApiKeys:0"] = "acme-key",
    };

    private static string Unreachable => new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Host = "127.0.0.1", Port = 1 }.ConnectionString;

    [Fact]
    public async Task A_silo_waiting_for_its_database_is_live_but_neither_started_nor_ready()
    {
        var port = FreePorts.One();
        var settings = Settings(Unreachable, port);
        settings["Cluster:DatabaseWaitSeconds"] = "120";
        await using var silo = ClusterProcess.Start(HostLaunch.Silo("silo", settings));
        using var health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        await silo.WaitUntilReadyAsync(async () => (await SiloHealthTests.AskAsync(health, "/health/live")).Status == 200,
            TimeSpan.FromSeconds(60), "to answer /health/live while it waits for the database");

        Assert.Equal((503, "starting"), await SiloHealthTests.AskAsync(health, "/health/startup"));
        Assert.Equal((503, "starting"), await SiloHealthTests.AskAsync(health, "/health/ready"));
        Assert.Equal((200, "live"), await SiloHealthTests.AskAsync(health, "/health/live"));
        Assert.False(silo.HasExited);
    }

    [Fact]
    public async Task A_health_port_in_use_stops_the_silo_in_one_line_naming_the_setting()
    {
        using var taken = new TcpListener(IPAddress.Any, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await ClusterProcess.RunSiloAsync([], Settings(PostgresDatabase.ServerConnectionString, port));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"CxCluster silo cannot start: Cluster:HealthPort {port} cannot be used", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Theory]
    [InlineData("SiloPort")]
    [InlineData("GatewayPort")]
    public async Task A_silo_or_gateway_port_another_silo_listens_on_stops_the_silo_in_one_line_naming_the_setting(string setting)
    {
        // Another silo's listener lets others share its port: the runtime's own would join it and split the connections.
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        taken.Bind(new IPEndPoint(IPAddress.Any, 0));
        taken.Listen();
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        var settings = Settings(PostgresDatabase.ServerConnectionString);
        settings["Cluster:SiloPort"] = FreePorts.One().ToString();
        settings["Cluster:GatewayPort"] = FreePorts.One().ToString();
        settings[$"Cluster:{setting}"] = port.ToString();

        var result = await ClusterProcess.RunSiloAsync([], settings);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"CxCluster silo cannot start: Cluster:{setting} {port} cannot be used", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task A_wrong_password_stops_the_silo_with_a_clear_reason()
    {
        var wrong = new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Password = "not-the-password" }.ConnectionString;

        var result = await ClusterProcess.RunSiloAsync([], Settings(wrong));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CxCluster silo cannot start", result.Error);
        Assert.Contains("password authentication failed", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("not-the-password", result.Error + result.Output);
    }

    [Fact]
    public async Task A_database_without_the_schema_stops_the_silo_naming_the_migrate_verb()
    {
        await using var empty = await PostgresDatabase.CreateAsync(withSchema: false);

        var result = await ClusterProcess.RunSiloAsync([], Settings(empty.ConnectionString));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("schema is missing", result.Error);
        Assert.Contains("migrate", result.Error);
    }

    [Fact]
    public async Task An_unreachable_database_stops_the_silo_after_the_configured_wait()
    {
        var result = await ClusterProcess.RunSiloAsync([], Settings(Unreachable));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot reach PostgreSQL at 127.0.0.1:1", result.Error);
    }

    [Fact]
    public async Task A_database_without_tenants_is_refused_so_the_demo_key_never_reaches_production()
    {
        var settings = Settings(PostgresDatabase.ServerConnectionString);
        settings.Remove("Tenants:acme:ApiKeys:0");

        var result = await ClusterProcess.RunSiloAsync([], settings);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no tenant is", result.Error);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_silo_in_one_line_naming_its_key()
    {
        var result = await ClusterProcess.RunSiloAsync([], new Dictionary<string, string?> { ["Tenants:acme:Threshold"] = "140" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CxCluster silo cannot start: Tenants:acme:Threshold must be between 0 and 100, not 140", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Theory]
    [InlineData("Conversations:TranscriptTurns", "0")]
    [InlineData("Conversations:IdleSeconds", "1")]
    public async Task A_bad_silo_only_setting_stops_the_silo_in_one_line_naming_its_key(string key, string value)
    {
        var result = await ClusterProcess.RunSiloAsync([], new Dictionary<string, string?> { [key] = value });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"CxCluster silo cannot start: {key} must be", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_api_in_one_line_naming_its_key()
    {
        var address = new Uri($"http://127.0.0.1:{FreePorts.One()}");
        await using var api = ClusterProcess.Start(HostLaunch.Api("api", address, new Dictionary<string, string?> { ["Cluster:GatewayPorts:0"] = "http" }));

        Assert.True(await api.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the API kept running with a bad setting");
        Assert.Equal(1, api.ExitCode);
        Assert.Contains("CxCluster API cannot start: Cluster:GatewayPorts:0 must be a whole number between 1 and 65535, not 'http'", api.Error);
        Assert.DoesNotContain("   at ", api.Error);
    }
}
