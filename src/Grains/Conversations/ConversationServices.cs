using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Telemetry;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace CxCluster.Grains.Conversations;

/// <summary>
/// What every conversation of a silo works with, gathered once per silo: each activation, and its journal, keeps one
/// reference to it instead of one to each service (about 120 bytes less per conversation in memory).
/// </summary>
internal sealed class ConversationServices(
    TenantDirectory tenants,
    CustomerTexts texts,
    ConversationSettings options,
    HandoffSettings handoffs,
    CrashPoints crash,
    CxMetrics metrics,
    TimeProvider clock,
    IFactJournal journal,
    JsonEncoders encoders,
    Serializer<ProcessedEvent> answers,
    Serializer<ConversationState> states,
    IHostApplicationLifetime lifetime,
    ILogger<ConversationGrain> logger)
{
    public TenantDirectory Tenants { get; } = tenants;

    public CustomerTexts Texts { get; } = texts;

    public ConversationSettings Options { get; } = options;

    public HandoffSettings Handoffs { get; } = handoffs;

    public CrashPoints Crash { get; } = crash;

    public CxMetrics Metrics { get; } = metrics;

    public TimeProvider Clock { get; } = clock;

    public IFactJournal Journal { get; } = journal;

    public JsonEncoders Encoders { get; } = encoders;

    /// <summary>Writes and reads an event's answer as the journal keeps it.</summary>
    public Serializer<ProcessedEvent> Answers { get; } = answers;

    /// <summary>Writes and reads a checkpoint of the state.</summary>
    public Serializer<ConversationState> States { get; } = states;

    public IHostApplicationLifetime Lifetime { get; } = lifetime;

    public ILogger<ConversationGrain> Logger { get; } = logger;
}
