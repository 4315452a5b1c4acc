using System.Text;

namespace ClusterLab.Tool.Sandbox;

/// <summary>Drains a stream to its end on a background task, keeping the first <see cref="MaxBytes"/> bytes and
/// discarding the rest, so the writer never blocks on a full pipe.</summary>
internal sealed class StderrCapture
{
    /// <summary>Bytes kept.</summary>
    public const int MaxBytes = 256 << 10;

    private readonly MemoryStream _kept = new();
    private long _dropped;

    /// <summary>Starts draining <paramref name="stream"/>.</summary>
    public StderrCapture(Stream stream) => Completion = Task.Run(() => Drain(stream));

    /// <summary>Completes when the stream reached its end (every writer closed it).</summary>
    public Task Completion { get; }

    /// <summary>The text kept so far (UTF-8), with a note of how much was dropped.</summary>
    public string Text
    {
        get
        {
            lock (_kept)
            {
                var text = Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);
                return _dropped == 0 ? text : text + $"\n[{_dropped} more bytes of stderr dropped]";
            }
        }
    }

    private void Drain(Stream stream)
    {
        var buffer = new byte[16 << 10];
        try
        {
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (_kept)
                {
                    var keep = (int)Math.Min(n, MaxBytes - _kept.Length);
                    _kept.Write(buffer, 0, keep);
                    _dropped += n - keep;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
    }
}
