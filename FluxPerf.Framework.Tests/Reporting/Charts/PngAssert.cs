using System.Buffers.Binary;

namespace FluxPerf.Tests.Reporting.Charts;

/// <summary>Checks that bytes are a PNG of the expected size, without decoding it.</summary>
internal static class PngAssert
{
    private static readonly byte[] _signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static void IsChart(byte[] png, int minBytes = 10_000)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(png.Take(8), Is.EqualTo(_signature), "PNG signature");
            Assert.That(png, Has.Length.GreaterThan(minBytes), "a chart with text and lines");
            Assert.That(System.Text.Encoding.ASCII.GetString(png, 12, 4), Is.EqualTo("IHDR"));
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), Is.EqualTo(1000),
                "width");
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), Is.EqualTo(600),
                "height");
        }
    }
}
