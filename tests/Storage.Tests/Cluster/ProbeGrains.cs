namespace CxCluster.Storage.Tests.Cluster;

/// <summary>What the storage tests store: small, but through the provider's real serializer.</summary>
[GenerateSerializer, Alias("cx.tests.ProbeState")]
public sealed class ProbeState
{
    [Id(0)] public string? Value { get; set; }

    [Id(1)] public List<int> Numbers { get; set; } = [];
}

/// <summary>Registers and removes a reminder, so the reminder table can be watched.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task Register(string name, TimeSpan dueTime, TimeSpan period);

    Task<bool> Unregister(string name);

    Task<string[]> Registered();
}

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public Task Register(string name, TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(name, dueTime, period);

    public async Task<bool> Unregister(string name)
    {
        var reminder = await this.GetReminder(name);
        if (reminder is null)
        {
            return false;
        }
        await this.UnregisterReminder(reminder);
        return true;
    }

    public async Task<string[]> Registered() => [.. (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal)];

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
