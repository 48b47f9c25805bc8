using System.Text;

namespace CxCluster.Api.Tests.Stream;

/// <summary>One record of a Server-Sent Events stream: an event (id, type, data) or a comment line.</summary>
public sealed record SseRecord(string? Id, string? Event, string? Data, string? Comment)
{
    public JsonNode Fact => JsonNode.Parse(Data ?? throw new InvalidOperationException("A comment has no data."))!;
}

/// <summary>Reads a live stream's records as a client would, line by line, comments included.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _lines;

    private SseReader(HttpResponseMessage response, System.IO.Stream body)
    {
        _response = response;
        _lines = new StreamReader(body, Encoding.UTF8);
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Opens <paramref name="path"/> and, on 200, waits for the stream's ready comment.</summary>
    public static async Task<SseReader> OpenAsync(HttpClient http, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var reader = new SseReader(response, await response.Content.ReadAsStreamAsync());
        if (response.IsSuccessStatusCode)
        {
            var ready = await reader.NextAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("ready", ready.Comment);
        }
        return reader;
    }

    /// <summary>The next record, failing the test when none comes within <paramref name="timeout"/>.</summary>
    public async Task<SseRecord> NextAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        string? id = null, type = null, comment = null;
        StringBuilder? data = null;
        while (true)
        {
            string? line;
            try
            {
                line = await _lines.ReadLineAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No record of the stream came within {timeout}.");
            }
            if (line is null)
            {
                throw new EndOfStreamException("The stream ended.");
            }
            if (line.Length == 0)
            {
                if (data is not null || comment is not null)
                {
                    return new SseRecord(id, type, data?.ToString(), comment);
                }
                continue;
            }
            if (line[0] == ':')
            {
                comment = line[1..].Trim();
                continue;
            }
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": (data is null ? data = new StringBuilder() : data.Append('\n')).Append(value); break;
            }
        }
    }

    /// <summary>The next event, skipping comment lines.</summary>
    public async Task<SseRecord> NextEventAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var record = await NextAsync(deadline - DateTime.UtcNow is { Ticks: > 0 } left ? left : TimeSpan.FromMilliseconds(1));
            if (record.Comment is null)
            {
                return record;
            }
        }
    }

    /// <summary>Events until one of <paramref name="type"/> (included).</summary>
    public async Task<List<SseRecord>> EventsUntilAsync(string type, TimeSpan timeout)
    {
        var events = new List<SseRecord>();
        while (events.Count == 0 || events[^1].Event != type)
        {
            events.Add(await NextEventAsync(timeout));
        }
        return events;
    }

    public ValueTask DisposeAsync()
    {
        _lines.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
