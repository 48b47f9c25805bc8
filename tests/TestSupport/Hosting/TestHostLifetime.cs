using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CxCluster.TestSupport.Hosting;

/// <summary>
/// The lifetime of a host a test starts in its own process: started and stopped by the test alone. The default console
/// lifetime hooks the process's exit and Ctrl+C, and at exit waits without end for its host to be disposed, so one host
/// a test left behind would keep the whole test run from ending.
/// </summary>
public sealed class TestHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Puts this lifetime in place of the console's.</summary>
    public static void Use(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<IHostLifetime, TestHostLifetime>());
}
