using System.Text.RegularExpressions;
using CxCluster.Api.Tests.Infrastructure;
using CxCluster.Api.Tests.Stream;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CxCluster.Api.Tests.Supervision;

/// <summary>
/// The supervisor page in a real browser (the system's Chromium, driven by Playwright) against the real API over
/// Kestrel: what a supervisor sees changes as the tenant's state changes, without reloading. Tenant initech offers
/// conversations (4 s to answer); Sundanese on chat is this class's own pool.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SupervisorPageBrowserTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Long enough for an offer to expire (4 s) and the page's debounced read to follow.</summary>
    private const float Patience = 30_000;

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private ApiClient Initech => cluster.Initech;

    [Fact]
    public async Task Supervisor_sees_agents_risk_waiting_offers_and_todays_counts_change_live_in_English_and_Indonesian()
    {
        await using var browser = await BrowserPage.OpenAsync("en-US", cluster.Address);
        var page = browser.Page;
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        // Sign in with the supervisor key: the board shows, the stream is live, the key is not in the URL.
        await page.GotoAsync("/supervisor");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await SignInAsync(page);
        await Assertions.Expect(page.Locator("#board")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        Assert.DoesNotContain(ClusterFixture.InitechSupervisorKey, page.Url);
        var expiredBefore = int.Parse(await page.Locator("#today-expired").InnerTextAsync());
        var assignedBefore = int.Parse(await page.Locator("#today-assigned").InnerTextAsync());

        // An agent comes on shift.
        var asep = Ids.New("asep");
        await Initech.RegisterAgentAsync(asep, "Asep", ["su"], ["chat"], 1);
        await Initech.SetAgentStatusAsync(asep, "available");
        var asepRow = page.Locator($"#agents tr[data-id='{asep}']");
        await Assertions.Expect(asepRow.Locator(".status")).ToHaveTextAsync("available");
        await Assertions.Expect(asepRow.Locator(".load")).ToHaveTextAsync("0 / 1");

        // A frustrated customer falls into the warning band.
        var frustrated = Ids.New("conv");
        await Initech.SendAsync(frustrated, Events.Started("e1", "chat", "su-ID"));
        await Initech.SendAsync(frustrated, Events.Signal("e2", "nlu.no_match", 1));
        await Initech.SendAsync(frustrated, Events.Signal("e3", "nlu.no_match", 1));
        var riskRow = page.Locator($"#at-risk tr[data-id='{frustrated}']");
        await Assertions.Expect(riskRow.Locator(".band")).ToHaveTextAsync("warning");
        await Assertions.Expect(page.Locator("#changes")).ToContainTextAsync("warning");

        // Another asks for a person: it waits, is offered to Asep, who does not answer; the offer expires.
        var asking = Ids.New("conv");
        await Initech.SendAsync(asking, Events.Started("e1", "chat", "su-ID"));
        await Initech.SendAsync(asking, Events.Customer("e2", "saya mau bicara dengan CS"));
        var waitingRow = page.Locator($"#waiting tr[data-id='{asking}']");
        await Assertions.Expect(waitingRow.Locator(".queue")).ToHaveTextAsync("su/chat");
        await Assertions.Expect(waitingRow.Locator(".agent")).ToHaveTextAsync("Asep");
        await Assertions.Expect(asepRow.Locator(".offers")).ToHaveTextAsync("1");
        await page.WaitForFunctionAsync(
            "before => Number(document.querySelector('#today-expired').textContent) > before", expiredBefore,
            new PageWaitForFunctionOptions { Timeout = Patience });
        await Assertions.Expect(asepRow.Locator(".status")).ToHaveTextAsync("away");
        await Assertions.Expect(waitingRow.Locator(".agent")).ToHaveTextAsync("");

        // Another agent comes, takes the offer and writes first: the conversation leaves the waiting list.
        var euis = Ids.New("euis");
        await Initech.RegisterAgentAsync(euis, "Euis", ["su"], ["chat"], 1);
        await Initech.SetAgentStatusAsync(euis, "available");
        await Assertions.Expect(waitingRow.Locator(".agent")).ToHaveTextAsync("Euis");
        var offerId = await OfferIdAsync(euis);
        using (var accepted = await Initech.PostAsync($"/v1/agents/{euis}/offers/{offerId}/accept", null))
        {
            await Json.OkAsync(accepted);
        }
        await Initech.SendAsync(asking, Events.Agent("e3", euis, "Sampurasun, abdi Euis."));
        await Assertions.Expect(waitingRow).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"#agents tr[data-id='{euis}'] .load")).ToHaveTextAsync("1 / 1");
        await page.WaitForFunctionAsync(
            "before => Number(document.querySelector('#today-assigned').textContent) > before", assignedBefore,
            new PageWaitForFunctionOptions { Timeout = Patience });
        await Assertions.Expect(page.Locator("#today-median")).Not.ToHaveTextAsync("–");
        await Assertions.Expect(page.Locator("#reasons tbody tr")).Not.ToHaveCountAsync(0);

        // In Indonesian: every label switches and the page says so to assistive technology.
        await page.GetByLabel("Language").SelectOptionAsync("id");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Assertions.Expect(page.Locator("#queues-title")).ToHaveTextAsync("Antrean");
        await Assertions.Expect(page.Locator("#agents caption")).ToContainTextAsync("Setiap agen");
        await Assertions.Expect(page.Locator("#risk-title")).ToHaveTextAsync("Percakapan berisiko");
        await Assertions.Expect(page.Locator("#waiting-title")).ToHaveTextAsync("Menunggu petugas");
        await Assertions.Expect(page.Locator("#today-title")).ToContainTextAsync("Hari ini");
        await Assertions.Expect(page.Locator("label[for='language']")).ToHaveTextAsync("Bahasa");
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Langsung");
        await Assertions.Expect(asepRow.Locator(".status")).ToHaveTextAsync("sedang pergi");
        await Assertions.Expect(riskRow.Locator(".band")).ToHaveTextAsync("peringatan");
        await Assertions.Expect(page.Locator("#today-expired").Locator("xpath=..").Locator("dt")).ToHaveTextAsync("Tawaran kedaluwarsa");

        Assert.Equal(1, navigations); // everything above happened without reloading
        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "supervisor-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot of the supervisor page: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 0);

        await Initech.SendAsync(frustrated, Events.Ended("e9"));
        await Initech.SendAsync(asking, Events.Ended("e9"));
    }

    [Fact]
    public async Task A_lost_stream_is_resumed_from_the_last_event_seen_so_a_fact_made_meanwhile_still_reaches_the_page()
    {
        await using var browser = await BrowserPage.OpenAsync("en-US", cluster.Address);
        var page = browser.Page;

        // The page's first stream is the server's own stream as read up to a moment, then lost: it is held here, then
        // answered with what the server sent until then, and ends. Every later stream goes to the server as it is.
        var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var streams = new List<(string? LastEventId, bool Lost)>();
        await page.RouteAsync("**/v1/stream?**", async route =>
        {
            var headers = await route.Request.AllHeadersAsync();
            bool first;
            lock (streams)
            {
                first = streams.Count == 0;
                streams.Add((headers.GetValueOrDefault("last-event-id"), first));
            }
            if (first)
            {
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/event-stream", Body = await lost.Task });
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await using var server = await SseReader.OpenAsync(Initech.Http, "/v1/stream?types=trust.changed");

        await page.GotoAsync("/supervisor");
        await SignInAsync(page);
        await Assertions.Expect(page.Locator("#board")).ToBeVisibleAsync();

        // A fact the page gets before its stream is lost; then one made while it is away.
        var first = Ids.New("conv");
        await FallIntoWarningAsync(first);
        var seen = new List<SseRecord>();
        do
        {
            seen.Add(await server.NextEventAsync(TimeSpan.FromSeconds(30)));
        }
        while (seen[^1].Fact.Text("conversationId") != first || seen[^1].Fact["data"]!.Text("band") != "warning");
        var meanwhile = Ids.New("conv");
        await FallIntoWarningAsync(meanwhile);
        lost.SetResult(": ready\n\n" + string.Concat(seen.Select(e => $"id: {e.Id}\nevent: {e.Event}\ndata: {e.Data}\n\n")));

        // The page resumes after the last event it saw: the fact made meanwhile is told (announced, which only a fact
        // from the stream does, never a board read), once.
        await Assertions.Expect(page.Locator("#changes")).ToContainTextAsync(meanwhile, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        await Assertions.Expect(page.Locator($"#at-risk tr[data-id='{meanwhile}'] .band")).ToHaveTextAsync("warning");
        await Assertions.Expect(page.Locator($"#at-risk tr[data-id='{first}'] .band")).ToHaveTextAsync("warning");
        List<(string? LastEventId, bool Lost)> made;
        lock (streams)
        {
            made = [.. streams];
        }
        Assert.True(made.Count >= 2, "the page opened its stream again");
        Assert.Null(made[0].LastEventId);
        Assert.Equal(seen[^1].Id, made[1].LastEventId);

        await Initech.SendAsync(first, Events.Ended("e9"));
        await Initech.SendAsync(meanwhile, Events.Ended("e9"));
    }

    [Fact]
    public async Task A_board_read_that_failed_once_is_shown_and_the_page_says_live_again_when_the_next_read_works()
    {
        await using var browser = await BrowserPage.OpenAsync("en-US", cluster.Address);
        var page = browser.Page;
        var failNext = 0;
        await page.RouteAsync("**/v1/supervisor/board**", async route =>
        {
            if (Interlocked.Exchange(ref failNext, 0) == 1)
            {
                await route.AbortAsync("connectionreset");
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        await page.GotoAsync("/supervisor");
        await SignInAsync(page);
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");

        // A fact makes the page read the board again; that read fails.
        Volatile.Write(ref failNext, 1);
        var risky = Ids.New("conv");
        await FallIntoWarningAsync(risky);
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("The service cannot be reached right now; trying again.");

        // The next fact's read works: the page is live again, not stuck on the failure.
        await Initech.SendAsync(risky, Events.Signal("e4", "nlu.no_match", 1));
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live", new() { Timeout = Patience });

        await Initech.SendAsync(risky, Events.Ended("e9"));
    }

    [Fact]
    public async Task An_accessibility_scan_finds_nothing_on_the_sign_in_screen_or_a_full_board_in_either_language()
    {
        await using var browser = await BrowserPage.OpenAsync("en-US", cluster.Address);
        var page = browser.Page;

        await page.GotoAsync("/supervisor");
        await Assertions.Expect(page.GetByLabel("Supervisor key or API key")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the sign-in screen");

        // A board with something in every table: an agent, a conversation at risk and one waiting.
        var agent = Ids.New("agent");
        await Initech.RegisterAgentAsync(agent, "Made", ["ban"], ["chat"], 1);
        await Initech.SetAgentStatusAsync(agent, "available");
        var risky = Ids.New("conv");
        await Initech.SendAsync(risky, Events.Started("e1", "chat", "ban-ID"));
        await Initech.SendAsync(risky, Events.Signal("e2", "nlu.no_match", 1));
        await Initech.SendAsync(risky, Events.Signal("e3", "nlu.no_match", 1));
        var waiting = Ids.New("conv");
        await Initech.SendAsync(waiting, Events.Started("e1", "chat", "ban-ID"));
        await Initech.SendAsync(waiting, Events.Customer("e2", "tiang jagi ngomong sareng CS"));
        await Initech.SendAsync(waiting, Events.Customer("e3", "I want to talk to a human agent"));
        await SignInAsync(page);
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        await Assertions.Expect(page.Locator($"#agents tr[data-id='{agent}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"#at-risk tr[data-id='{risky}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"#waiting tr[data-id='{waiting}']")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(page, "the board in English");

        await page.GetByLabel("Language").SelectOptionAsync("id");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await AssertAccessibleAsync(page, "the board in Indonesian");

        await Initech.SendAsync(risky, Events.Ended("e9"));
        await Initech.SendAsync(waiting, Events.Ended("e9"));
        await Initech.SetAgentStatusAsync(agent, "offline");
    }

    /// <summary>axe-core's WCAG 2.1 A and AA rules find no violation on the page as it is now.</summary>
    private async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        output.WriteLine($"{what}: {result.Passes.Length} rules passed, {result.Violations.Length} violated, {result.Incomplete.Length} to review");
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}");
        Assert.True(result.Violations.Length == 0, $"{what}:\n{string.Join("\n", violations)}");
    }

    /// <summary>Signs in on the English page with Initech's supervisor key.</summary>
    private static async Task SignInAsync(IPage page)
    {
        await page.GetByLabel("Supervisor key or API key").FillAsync(ClusterFixture.InitechSupervisorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>A page of the system's Chromium, driven by Playwright, in <c>locale</c>, on the API's address.</summary>
    private sealed class BrowserPage : IAsyncDisposable
    {
        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;

        private BrowserPage(IPlaywright playwright, IBrowser browser, IPage page) => (_playwright, _browser, Page) = (playwright, browser, page);

        public IPage Page { get; }

        public static async Task<BrowserPage> OpenAsync(string locale, Uri address)
        {
            Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's Chromium (apt-get install -y chromium); tests/run-all.sh does so.");
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BaseURL = address.ToString() });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(Patience);
            return new BrowserPage(playwright, browser, page);
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
        }
    }

    private async Task FallIntoWarningAsync(string conversationId)
    {
        await Initech.SendAsync(conversationId, Events.Started("e1", "chat", "su-ID"));
        await Initech.SendAsync(conversationId, Events.Signal("e2", "nlu.no_match", 1));
        await Initech.SendAsync(conversationId, Events.Signal("e3", "nlu.no_match", 1));
    }

    [Fact]
    public async Task The_page_speaks_the_browsers_language_and_a_wrong_key_is_told_plainly()
    {
        await using var browser = await BrowserPage.OpenAsync("id-ID", cluster.Address);
        var page = browser.Page;

        await page.GotoAsync("/supervisor");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await page.GetByLabel("Kunci supervisor atau kunci API").FillAsync("bukan-kunci");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#sign-in-error")).ToHaveTextAsync(new Regex("tidak dikenal"));
        await Assertions.Expect(page.Locator("#board")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('cx.supervisor.key')"));
    }

    private async Task<string> OfferIdAsync(string agentId)
    {
        var offers = await Eventually.ReturnsAsync(
            async () =>
            {
                using var response = await Initech.GetAsync($"/v1/agents/{agentId}/offers");
                return (await Json.OkAsync(response))["offers"]!.AsArray();
            },
            o => o.Count == 1,
            TimeSpan.FromSeconds(30),
            "the offer to the agent");
        return offers[0]!.Text("offerId");
    }
}
