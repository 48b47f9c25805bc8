using Orleans.Dashboard;

namespace CxCluster.Silo;

/// <summary>The Orleans Dashboard's grain side in a silo, when <c>Dashboard:Enabled</c> (README "Observability").</summary>
public static class DashboardHostingExtensions
{
    /// <summary>
    /// Adds the dashboard's grains, its timing of grain calls and its collection of Orleans' meters, which the page in
    /// the API reads. Nothing when the dashboard is off: the timing costs every grain call something.
    /// </summary>
    public static ISiloBuilder AddCxClusterDashboard(this ISiloBuilder silo, DashboardSettings settings)
    {
        if (settings.Enabled)
        {
            silo.AddDashboard();
        }
        return silo;
    }
}
