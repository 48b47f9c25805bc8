using CxCluster.Grains.Trust;

namespace CxCluster.Understanding.Tests;

/// <summary>
/// Messages that name a person and a machine without asking who is in the chat: a process or decision done by a person
/// or a machine, a machine the business offers, someone else vouched for as a real person, the customer saying what
/// they themself are, indifference about who answers, who does a job ("who approves the refund, a person or the
/// system?"), a thing of the customer's handled by a machine ("klaim asuransi ini diproses AI?") and a virtual account.
/// Each veto only the learnt model's identity question; a genuine question beside it still counts.
/// </summary>
public sealed class WhoDecidesAndIndifferenceTests
{
    [Theory]
    [InlineData("are refunds approved by a person or by the system?")]
    [InlineData("is the fraud check done by a human or a machine?")]
    [InlineData("apakah lamaran diseleksi manusia atau mesin?")]
    [InlineData("pengajuan kredit dinilai oleh orang atau sistem?")]
    public void Who_decides_a_process_is_no_identity_question(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("am I talking to a person or a machine?")]
    [InlineData("is this chat a person or a bot?")]
    [InlineData("ini yang balas manusia atau mesin?")]
    [InlineData("saya lagi chat sama orang atau sistem?")]
    [InlineData("apakah saya dilayani oleh manusia atau bot?")]
    [InlineData("who am I talking to, a person or a bot?")]
    [InlineData("who is this, human or bot?")]
    [InlineData("siapa yang balas, orang atau bot?")]
    [InlineData("who answers here, a person or a bot?")]
    [InlineData("who answers, a person or a bot?")]
    [InlineData("hi is this a bot account")]
    [InlineData("yang ngebales ini artificial intelligence ya?")]
    [InlineData("chat ini dijawab AI?")]
    public void Who_is_in_the_chat_still_counts(string text)
    {
        Assert.False(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("is there a robot that cleans the rooms at your hotel?")]
    [InlineData("do you have an AI that suggests recipes?")]
    [InlineData("ada robot yang bisa nyapu lantai?")]
    [InlineData("toko ini punya AI yang milihin ukuran baju?")]
    public void A_machine_the_business_offers_is_no_identity_question(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("is there a bot answering me?")]
    [InlineData("ada bot yang balas chat ini?")]
    public void A_machine_in_the_chat_still_counts(string text)
    {
        Assert.False(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("my brother is a real person, not a bot, why was his account suspended")]
    [InlineData("istri saya orang asli bukan robot, kenapa akunnya diblokir")]
    public void Someone_else_vouched_for_is_no_identity_question(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("my friend says you are a bot, are you?")]
    [InlineData("teman saya bilang ini robot, bener kamu robot?")]
    public void Someone_else_saying_it_is_a_bot_still_asks(string text)
    {
        Assert.False(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("saya bukan robot")]
    [InlineData("I am not a robot")]
    [InlineData("aku bukan bot kak, tolong bantu cek pesanan")]
    [InlineData("saya manusia, bukan robot")]
    [InlineData("i am a real person not a bot")]
    [InlineData("im not a bot i just want my refund")]
    [InlineData("hi, I'm no robot")]
    [InlineData("halo gue bukan AI")]
    [InlineData("me not robot")]
    public void The_customer_saying_what_they_are_is_no_identity_question(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("I am not a robot, are you?")]
    [InlineData("saya bukan robot, kamu robot ya?")]
    [InlineData("I'm a real person not a bot, are you real?")]
    [InlineData("am I talking to a bot?")]
    [InlineData("I think I'm chatting with a bot")]
    [InlineData("saya bukan bot. ini bot bukan?")]
    public void The_customer_saying_what_they_are_beside_a_question_still_asks(string text)
    {
        Assert.False(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("robot or person, whatever, just cancel it")]
    [InlineData("bot apa bukan terserah, yang penting paket sampai")]
    public void Indifference_is_no_identity_question(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("whatever, are you a bot?")]
    [InlineData("terserah deh, tapi kamu bot ya?")]
    public void A_question_beside_indifference_still_asks(string text)
    {
        Assert.False(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("saya mantan karyawan, mau minta surat pengalaman kerja")]
    [InlineData("former staff here, how do I get my tax form")]
    public void A_former_employee_asks_for_no_one(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesRequest, text);
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("saya mantan karyawan. tolong sambungkan ke staf HR")]
    [InlineData("I'm a former employee. please connect me to an agent")]
    public void A_former_employee_asking_for_someone_still_asks(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("who approves the refund, a person or the system?")]
    [InlineData("refund disetujui siapa, orang atau sistem?")]
    public void Who_does_a_job_with_a_person_and_a_machine_as_the_choices_is_no_identity_question(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("klaim asuransi iki diproses AI opo ora?")]
    [InlineData("apakah klaim asuransi ini diproses AI atau tidak?")]
    [InlineData("kowe ngerti ora nomer rekening virtual account ku nang endi?")]
    [InlineData("where do I find my virtual account number?")]
    public void A_thing_handled_by_a_machine_or_a_virtual_account_is_no_identity_question(string text) =>
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
}
