using System.IO.Compression;

namespace ClusterLab.Notebooks;

/// <summary>
/// A minimal PNG writer (8-bit RGB, no filtering, zlib by <see cref="ZLibStream"/>), so that image charts embed a small
/// <c>data:image/png;base64,…</c> source instead of one JSON number per pixel, and need no image package.
/// </summary>
internal static class PngEncoder
{
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    /// <summary>A data URI holding <paramref name="rgb"/> (width·height·3 bytes, rows from the top) as PNG.</summary>
    public static string DataUri(int width, int height, byte[] rgb) => "data:image/png;base64," + Convert.ToBase64String(Encode(width, height, rgb));

    /// <summary>The PNG file bytes.</summary>
    public static byte[] Encode(int width, int height, byte[] rgb)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, (uint)width);
        WriteBigEndian(header, 4, (uint)height);
        header[8] = 8;                                          // bit depth; colour type 2 (RGB) next, then 0, 0, 0
        header[9] = 2;
        Chunk(png, "IHDR", header);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            for (var row = 0; row < height; row++)
            {
                z.WriteByte(0);                                 // filter type None
                z.Write(rgb, row * width * 3, width * 3);
            }
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var buf = new byte[4];
        WriteBigEndian(buf, 0, (uint)data.Length);
        s.Write(buf);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        s.Write(typed);
        WriteBigEndian(buf, 0, Crc(typed));
        s.Write(buf);
    }

    private static uint Crc(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    private static void WriteBigEndian(byte[] buf, int at, uint v)
    {
        buf[at] = (byte)(v >> 24); buf[at + 1] = (byte)(v >> 16); buf[at + 2] = (byte)(v >> 8); buf[at + 3] = (byte)v;
    }
}
