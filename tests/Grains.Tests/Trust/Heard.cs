using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>What the whole recogniser (grammar and learnt model) hears in a message; a failure names the message.</summary>
internal static class Heard
{
    /// <summary>Neither an identity question nor a request for a person.</summary>
    public static void Neither(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.AsksIdentity, text);
        Assert.False(analysis.AsksForHuman, text);
    }

    /// <summary>An identity question that asks for no one.</summary>
    public static void IdentityOnly(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.AsksIdentity, text);
        Assert.False(analysis.AsksForHuman, text);
    }

    /// <summary>A request for a person that asks no identity question.</summary>
    public static void RequestOnly(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.AsksIdentity, text);
        Assert.True(analysis.AsksForHuman, text);
    }

    /// <summary>An identity question and a request for a person.</summary>
    public static void Both(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.AsksIdentity, text);
        Assert.True(analysis.AsksForHuman, text);
    }

    /// <summary>Frustration or abuse: negative, abusive or both.</summary>
    public static void Upset(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative || analysis.Abusive, text);
    }

    /// <summary>Neither negative nor abusive.</summary>
    public static void NotUpset(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.Negative || analysis.Abusive, text);
    }
}
