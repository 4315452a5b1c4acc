using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Remoting;

/// <summary>
/// JSON lines over a pair of streams, read by a background thread into a queue so that every wait has a time limit. A
/// line longer than <see cref="MaxLineBytes"/> is dropped whole (its reader never holds more than that), and lines that
/// are not JSON objects are ignored: a student's process may print anything on its standard output.
/// </summary>
internal sealed class LineChannel
{
    /// <summary>Longest line kept (64 MiB).</summary>
    public const int MaxLineBytes = 64 << 20;

    private readonly Stream _output;
    private readonly BlockingCollection<JsonObject> _lines = new(boundedCapacity: 1024);
    private readonly Thread _reader;

    /// <summary>Starts reading <paramref name="input"/>; writes go to <paramref name="output"/>.</summary>
    public LineChannel(Stream input, Stream output)
    {
        _output = output;
        _reader = new Thread(() => ReadAll(input)) { IsBackground = true, Name = "clusterlab-channel-reader" };
        _reader.Start();
    }

    /// <summary>True once the other side closed its output (or it became unreadable).</summary>
    public bool Closed => _lines.IsAddingCompleted;

    /// <summary>Writes one line.</summary>
    public void Send(JsonObject message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString() + "\n");
        _output.Write(bytes);
        _output.Flush();
    }

    /// <summary>Drops every line received so far.</summary>
    public void Drain()
    {
        while (_lines.TryTake(out _)) { }
    }

    /// <summary>The next JSON object that satisfies <paramref name="accept"/>, or null at the deadline or when the other side closed.</summary>
    public JsonObject? Receive(Func<JsonObject, bool> accept, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return null;
            try
            {
                if (!_lines.TryTake(out var line, left)) return null;
                if (accept(line)) return line;
            }
            catch (InvalidOperationException) { return null; } // completed and empty
        }
    }

    private void ReadAll(Stream input)
    {
        var buffer = new byte[1 << 16];
        var line = new MemoryStream();
        var dropping = false;
        try
        {
            int n;
            while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                var start = 0;
                for (var i = 0; i < n; i++)
                {
                    if (buffer[i] != (byte)'\n') continue;
                    if (!dropping && line.Length + (i - start) <= MaxLineBytes) { line.Write(buffer, start, i - start); Offer(line); }
                    line.SetLength(0);
                    dropping = false;
                    start = i + 1;
                }
                if (dropping) continue;
                line.Write(buffer, start, n - start);
                if (line.Length > MaxLineBytes) { dropping = true; line.SetLength(0); }
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        finally { _lines.CompleteAdding(); }
    }

    private void Offer(MemoryStream line)
    {
        if (line.Length == 0) return;
        JsonObject? o;
        try { o = JsonNode.Parse(line.GetBuffer().AsSpan(0, (int)line.Length)) as JsonObject; }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException) { return; }
        if (o is not null) _lines.Add(o);
    }
}
