using System.IO.Pipes;
using System.Text;
using System.Text.Json.Nodes;
using ClusterLab.Tool.Remoting;

namespace ClusterLab.Tool.Tests;

/// <summary>The JSON-lines channel between the grader and a worker: limits, noise, time-outs, end of stream.</summary>
public sealed class LineChannelTests : IDisposable
{
    private readonly AnonymousPipeServerStream _toChannel = new(PipeDirection.Out);
    private readonly AnonymousPipeClientStream _channelInput;
    private readonly MemoryStream _sent = new();
    private readonly LineChannel _channel;

    public LineChannelTests()
    {
        _channelInput = new AnonymousPipeClientStream(PipeDirection.In, _toChannel.ClientSafePipeHandle);
        _channel = new LineChannel(_channelInput, _sent);
    }

    public void Dispose()
    {
        _toChannel.Dispose();
        _channelInput.Dispose();
    }

    private void Write(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        _toChannel.Write(bytes);
        _toChannel.Flush();
    }

    private JsonObject? Next(double seconds = 5) => _channel.Receive(_ => true, TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Noise_lines_are_ignored()
    {
        Write("hello\n\n[1,2]\n42\n\"text\"\n{broken\n{\"reply\":1,\"value\":2}\n");
        Assert.Equal(1, Next()!["reply"]!.GetValue<int>());
        Assert.Null(Next(0.3));
    }

    [Fact]
    public void A_line_over_the_limit_is_dropped_whole_and_the_next_line_is_read()
    {
        var big = "{\"reply\":1,\"value\":\"" + new string('x', LineChannel.MaxLineBytes) + "\"}\n";
        var writer = Task.Run(() => Write(big + "{\"reply\":2}\n"));
        var got = Next(60);
        Assert.True(writer.Wait(TimeSpan.FromSeconds(60)));
        Assert.Equal(2, got!["reply"]!.GetValue<int>());
    }

    [Fact]
    public void Receive_skips_lines_it_does_not_accept_and_times_out()
    {
        Write("{\"reply\":1}\n{\"reply\":3}\n");
        var three = _channel.Receive(o => o["reply"]!.GetValue<int>() == 3, TimeSpan.FromSeconds(5));
        Assert.Equal(3, three!["reply"]!.GetValue<int>());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(_channel.Receive(_ => true, TimeSpan.FromMilliseconds(300)));
        Assert.InRange(clock.ElapsedMilliseconds, 250, 5000);
        Assert.False(_channel.Closed);
    }

    [Fact]
    public void A_closed_stream_is_reported()
    {
        Write("{\"ready\":true}\n");
        _toChannel.Dispose();
        Assert.NotNull(Next());
        Assert.Null(Next(5));
        Assert.True(_channel.Closed);
    }

    [Fact]
    public void Send_writes_one_line()
    {
        _channel.Send(new JsonObject { ["call"] = 1, ["name"] = "Mean" });
        Assert.Equal("{\"call\":1,\"name\":\"Mean\"}\n", Encoding.UTF8.GetString(_sent.ToArray()));
    }
}
