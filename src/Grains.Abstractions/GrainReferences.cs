using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CxCluster.Abstractions;

/// <summary>
/// References to grains of one string-keyed interface, made without Orleans working out the interface's grain type on
/// every call. <c>IGrainFactory.GetGrain&lt;T&gt;(string)</c> reads the interface's attributes and formats its name each
/// time (about 3% of an event's CPU over HTTP); here the grain type and interface type are taken once, from the first
/// reference made the usual way, and every later reference is made from them. A singleton per interface: register it
/// with <see cref="GrainReferencesServiceCollectionExtensions.AddGrainReferences"/>.
/// </summary>
public sealed class GrainReferences<TGrain>(IGrainFactory grains)
    where TGrain : class, IGrainWithStringKey
{
    /// <summary>The types, once known; a class, so a reader never sees half of them.</summary>
    private sealed record Types(GrainType Grain, GrainInterfaceType Interface);

    private Types? _types;

    /// <summary>The grain of <paramref name="key"/>, the same reference <c>GetGrain&lt;TGrain&gt;(key)</c> gives.</summary>
    public TGrain Get(string key)
    {
        if (_types is { } types)
        {
            return (TGrain)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
        }
        // A client that is not connected yet cannot tell the grain type and throws here, as GetGrain always did; the next call tries again.
        var first = grains.GetGrain<TGrain>(key);
        var reference = (GrainReference)(object)first;
        _types = new Types(reference.GrainId.Type, reference.InterfaceType);
        return first;
    }
}

public static class GrainReferencesServiceCollectionExtensions
{
    /// <summary>Registers <see cref="GrainReferences{TGrain}"/> for every interface, as singletons.</summary>
    public static IServiceCollection AddGrainReferences(this IServiceCollection services)
    {
        services.TryAddSingleton(typeof(GrainReferences<>));
        return services;
    }
}
