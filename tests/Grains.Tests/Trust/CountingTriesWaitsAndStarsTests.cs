using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A customer who counts what they went through sounds negative: how often they had to try ("I've asked 5 times",
/// "udah 3 kali saya jelasin"), how long they waited ("on hold for 2 hours", "sudah 2 minggu belum sampai"), the lowest
/// rating ("I'd give you 1 star", "bintang 1"). A number of times that is a dose, an instalment, a plan or a comparison,
/// a length of time that is a wait to come or a loyal customer's years, a good rating or a class of hotel, and relief after
/// the wait do not, nor does a time said to be short ("it's only been a day, no worries").
/// Words of the same complaint that counted nothing before are here too ("getting nowhere", "nobody cares", "kalian
/// tidak bertanggung jawab", "nyesel beli di sini", "lost again", "you lied to me", "the app keeps crashing", "my order
/// still hasn't arrived", "no one got back to me", "kalian bohong", "masih belum sampai").
/// </summary>
public sealed class CountingTriesWaitsAndStarsTests
{
    [Theory]
    [InlineData("I've asked 5 times")]
    [InlineData("I've asked the same thing five times and still nothing")]
    [InlineData("I have called 4 times this week")]
    [InlineData("I tried 3 times and it keeps failing")]
    [InlineData("I contacted you several times about this")]
    [InlineData("udah 3 kali saya jelasin")]
    [InlineData("udah 5 kali telpon gak diangkat")]
    [InlineData("sudah dua kali saya komplain")]
    [InlineData("3 kali saya tanya tidak dijawab")]
    public void Counting_the_tries_sounds_negative(string text) => AssertNegativeAndNothingElse(text);

    [Theory]
    [InlineData("I've been on hold for 2 hours")]
    [InlineData("I have been waiting for 45 minutes")]
    [InlineData("waited three days for a reply")]
    [InlineData("I'm waiting for over an hour now")]
    [InlineData("it's been 2 weeks and no update")]
    [InlineData("it has been 10 days and my parcel still hasn't come")]
    [InlineData("sudah 2 minggu belum sampai")]
    [InlineData("udah nunggu 3 jam")]
    [InlineData("pesanan saya belum datang juga padahal sudah seminggu")]
    [InlineData("menunggu seharian gak ada balasan")]
    [InlineData("udah berhari-hari gak ada kabar")]
    public void Counting_the_wait_sounds_negative(string text) => AssertNegativeAndNothingElse(text);

    [Theory]
    [InlineData("I will leave a 1 star review")]
    [InlineData("I'd give you 1-star if I could")]
    [InlineData("one star, zero help")]
    [InlineData("zero stars")]
    [InlineData("saya kasih bintang 1")]
    [InlineData("ngasih satu bintang aja deh")]
    [InlineData("you deserve 1 star")]
    public void The_lowest_rating_sounds_negative(string text) => AssertNegativeAndNothingElse(text);

    [Theory]
    [InlineData("this is getting me nowhere")]
    [InlineData("nobody cares about customers here")]
    [InlineData("no one cares")]
    [InlineData("what a waste of money")]
    [InlineData("my package is lost AGAIN")]
    [InlineData("same problem as last week")]
    [InlineData("I would not recommend you to anyone")]
    [InlineData("I'll never recommend this shop")]
    [InlineData("this company is irresponsible")]
    [InlineData("I regret buying from you")]
    [InlineData("you suck")]
    [InlineData("kalian tidak bertanggung jawab")]
    [InlineData("gak mau tanggung jawab ya?")]
    [InlineData("mana tanggung jawabnya?")]
    [InlineData("tokonya lepas tangan")]
    [InlineData("nyesel beli di sini")]
    [InlineData("duh susah banget")]
    [InlineData("sampai kapan saya harus nunggu?")]
    [InlineData("paket saya hilang lagi")]
    [InlineData("you lied to me")]
    [InlineData("I feel cheated")]
    [InlineData("this is false advertising")]
    [InlineData("I expected better from you")]
    [InlineData("why does nothing ever work")]
    [InlineData("the app keeps crashing")]
    [InlineData("my order still hasn't arrived")]
    [InlineData("it's been ages")]
    [InlineData("this is taking way too long")]
    [InlineData("no one got back to me")]
    [InlineData("can't you do anything right")]
    [InlineData("do your job")]
    [InlineData("I want my money back now")]
    [InlineData("what a disaster")]
    [InlineData("I'm disgusted")]
    [InlineData("kalian bohong")]
    [InlineData("dijanjiin terus")]
    [InlineData("paket saya masih belum sampai")]
    [InlineData("kok gak ada respon")]
    [InlineData("you promised a refund last week")]
    [InlineData("what kind of service is this")]
    public void Words_of_the_same_complaint_sound_negative(string text) => AssertNegativeAndNothingElse(text);

    [Theory]
    [InlineData("I take this medicine 2 times a day")]
    [InlineData("can I pay in 3 times?")]
    [InlineData("I want to order 2 times")]
    [InlineData("this one is 3 times faster")]
    [InlineData("I'll call twice tomorrow")]
    [InlineData("if I try 3 times will it lock my account?")]
    [InlineData("I ordered 3 times from you and always loved it")]
    [InlineData("I called twice, now it works, thanks")]
    [InlineData("I was charged twice for this order")]
    [InlineData("minum obat 3 kali sehari")]
    [InlineData("cicilan 3 kali bisa?")]
    [InlineData("saya mau bayar 2 kali")]
    [InlineData("harganya 2 kali lebih murah")]
    public void Counts_that_are_no_complaint_are_not_negative(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("I've been a customer for 5 years")]
    [InlineData("sudah 3 tahun saya langganan")]
    [InlineData("sudah 5 tahun jadi pelanggan setia")]
    [InlineData("I can wait 5 minutes")]
    [InlineData("I don't mind waiting 10 minutes")]
    [InlineData("I'll wait 2 days")]
    [InlineData("please hold my order for 2 days")]
    [InlineData("can you hold it for a week?")]
    [InlineData("delivery takes 3 days right?")]
    [InlineData("is it open 24 hours?")]
    [InlineData("the warranty is 2 years")]
    [InlineData("I've waited 2 days but it arrived, thanks")]
    [InlineData("It took only 2 days, great job!")]
    [InlineData("saya tunggu 2 hari ya")]
    [InlineData("bisa tunggu 2 hari?")]
    [InlineData("toko buka hari minggu?")]
    [InlineData("jam 3 sore buka?")]
    [InlineData("I paid 2 hours ago, can you check?")]
    [InlineData("I'll be there in 5 minutes")]
    public void Lengths_of_time_that_are_no_complaint_are_not_negative(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("I'll give you 5 stars!")]
    [InlineData("5 star service")]
    [InlineData("bintang 5 buat kalian")]
    [InlineData("kasih bintang lima")]
    [InlineData("one star hotel or two star?")]
    [InlineData("hotel bintang 1 di Bandung")]
    [InlineData("recommend me a good phone")]
    [InlineData("what do you recommend?")]
    [InlineData("I recommend your shop to everyone")]
    [InlineData("no one can beat your prices")]
    [InlineData("the problem is solved")]
    [InlineData("I have an issue with my login")]
    [InlineData("same price as yesterday?")]
    [InlineData("sampai kapan promonya?")]
    [InlineData("sampai jumpa")]
    [InlineData("susah login, bisa bantu?")]
    [InlineData("siapa yang bertanggung jawab atas pesanan ini?")]
    [InlineData("I'm so done with shopping, thanks!")]
    [InlineData("is there anything right for my size?")]
    [InlineData("no reply needed, thanks")]
    [InlineData("the parcel was lying at the door")]
    [InlineData("can I get my money back if it doesn't fit?")]
    [InlineData("I expected it to be blue, can I exchange?")]
    [InlineData("way better than before")]
    [InlineData("the bag is too long for me")]
    [InlineData("janji ketemu jam 3")]
    [InlineData("what kind of service do you offer?")]
    [InlineData("bank ini pakai AI untuk deteksi penipuan?")]
    [InlineData("ada orang ngaku kurir minta kode OTP, itu penipuan ya?")]
    [InlineData("If the flight is cancelled again then I'll ask to speak with your supervisor")]
    [InlineData("I'll phone the branch next week if the card still hasn't arrived.")]
    [InlineData("Kalau jawabannya masih belum pas, nanti saya minta bicara dengan operator.")]
    [InlineData("if I wait 3 days and it's still not here, can I cancel?")]
    public void Ratings_and_words_asked_about_plainly_are_not_negative(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    private static void AssertNegativeAndNothingElse(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.False(analysis.AsksForHuman, text);
        Assert.False(analysis.AsksIdentity, text);
    }

    [Theory]
    [InlineData("it hasn't arrived yet but it's only been a day, no worries")]
    [InlineData("it's only been a day, no worries")]
    [InlineData("it's been just a day, no rush")]
    public void A_wait_said_to_be_short_is_no_complaint(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);
}
