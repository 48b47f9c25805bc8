using Microsoft.Extensions.Configuration;

namespace CxCluster.TestSupport;

/// <summary>A configuration of exactly the given keys and values, as a host would read them from its environment.</summary>
public static class TestConfiguration
{
    public static IConfiguration From(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
        .Build();
}
