using CxCluster.Silo.Storage;
using Npgsql;

namespace CxCluster.Storage.Tests.Cluster;

/// <summary>The Orleans providers keep their sessions and prepared statements, unless the operator chose otherwise.</summary>
public sealed class ProviderConnectionStringTests
{
    [Fact]
    public void By_default_connections_keep_their_session_and_repeated_statements_are_prepared()
    {
        var tuned = new NpgsqlConnectionStringBuilder(CxClusterDatabase.ForProviders("Host=db;Port=5432;Username=cx;Password=secret;Database=cxcluster"));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(CxClusterDatabase.AutoPreparedStatements, tuned.MaxAutoPrepare);
        Assert.Equal(CxClusterDatabase.GenericPlans, tuned.Options);
        Assert.Equal(("db", 5432, "cx", "secret", "cxcluster"), (tuned.Host, tuned.Port, tuned.Username, tuned.Password, tuned.Database));
    }

    [Fact]
    public void What_the_operator_set_is_kept_even_when_it_is_the_npgsql_default()
    {
        var tuned = new NpgsqlConnectionStringBuilder(CxClusterDatabase.ForProviders("Host=db;Username=cx;Max Auto Prepare=5;No Reset On Close=false"));
        var untuned = new NpgsqlConnectionStringBuilder(CxClusterDatabase.ForProviders("Host=db;Username=cx;maxautoprepare=0;noresetonclose=false"));

        Assert.Equal((5, false), (tuned.MaxAutoPrepare, tuned.NoResetOnClose));
        Assert.Equal((0, false), (untuned.MaxAutoPrepare, untuned.NoResetOnClose));
    }

    [Fact]
    public void Generic_plans_join_the_operators_session_options_unless_they_choose_a_plan_cache_mode()
    {
        var joined = new NpgsqlConnectionStringBuilder(CxClusterDatabase.ForProviders("Host=db;Username=cx;Options=-c statement_timeout=5000"));
        var chosen = new NpgsqlConnectionStringBuilder(CxClusterDatabase.ForProviders("Host=db;Username=cx;Options=-c plan_cache_mode=auto"));

        Assert.Equal($"-c statement_timeout=5000 {CxClusterDatabase.GenericPlans}", joined.Options);
        Assert.Equal("-c plan_cache_mode=auto", chosen.Options);
    }
}
