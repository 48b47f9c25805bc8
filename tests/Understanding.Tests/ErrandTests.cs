using CxCluster.Grains.Trust;

namespace CxCluster.Understanding.Tests;

/// <summary>Someone asked for to do a job to a thing or at a place is a worker for a task, not a person to talk to; someone to look at the customer's case still is.</summary>
public sealed class ErrandTests
{
    [Theory]
    [InlineData("I need someone to collect the parcel")]
    [InlineData("can you send someone to install the modem")]
    [InlineData("need a person to please assemble the bed frame")]
    [InlineData("butuh orang buat angkut lemari")]
    [InlineData("minta orang untuk jemput paket retur")]
    [InlineData("we need someone to come and fix the gate")]
    [InlineData("butuh orang untuk datang pasang AC")]
    public void A_person_for_a_job_is_no_request(string text)
    {
        GrammarVerdict verdict = MessageSignals.Grammar(text);
        Assert.False(verdict.AsksForHuman, text);
        Assert.True(verdict.VetoesRequest, text);
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("I need someone to look at my account")]
    [InlineData("I need a person to help me with this claim")]
    [InlineData("minta cs untuk ambil alih")]
    [InlineData("I want someone to call me today")]
    [InlineData("can someone come online and help me")]
    public void A_person_for_the_customers_case_still_counts(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
}
