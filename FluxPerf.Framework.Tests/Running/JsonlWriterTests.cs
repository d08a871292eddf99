using System.Text.Json;
using FluxPerf.Reporting;
using FluxPerf.Running;

namespace FluxPerf.Tests.Running;

[TestFixture]
[CancelAfter(30_000)]
public sealed class JsonlWriterTests : TempFolderTests
{
    [Test]
    public async Task Append_FromManyThreads_EveryLineWholeAndEachValueOnce()
    {
        var path = Path.Combine(Folder, "lines.jsonl");

        using (var writer = new JsonlWriter(path, ReportJson.Lines))
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            {
                for (var i = 0; i < 500; i++)
                {
                    writer.Append(new Line(t * 1000 + i, $"thread {t} ≤ {i}", [i / 1e6, 0.5]));
                }
            })));
        }

        var lines = File.ReadAllLines(path)
            .Select(l => JsonSerializer.Deserialize<Line>(l, ReportJson.Lines)!)
            .ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Select(l => l.Id), Is.EquivalentTo(
                Enumerable.Range(0, 8).SelectMany(t => Enumerable.Range(t * 1000, 500))));
            Assert.That(lines.All(l => l.Text.StartsWith($"thread {l.Id / 1000} ≤ ",
                StringComparison.Ordinal)), Is.True);
        }
    }

    [Test]
    public void Append_AfterALineThatFailedToSerialize_WritesWholeLinesOnly()
    {
        // A value that cannot be written must not leave its half-written start in the reused
        // writer, to be glued in front of the next line.
        var path = Path.Combine(Folder, "lines.jsonl");
        using var writer = new JsonlWriter(path, ReportJson.Lines);

        writer.Append(new Line(1, "first", [1.5]));
        Assert.That(() => writer.Append(new Line(2, "bad", [double.NaN, 2])), Throws.Nothing);
        Assert.That(() => writer.Append(new Unwritable()), Throws.InstanceOf<Exception>());
        writer.Append(new Line(3, "third", [9.523123]));

        Assert.That(File.ReadAllLines(path), Is.EqualTo(new[]
        {
            """{"id":1,"text":"first","values":[1.5]}""",
            """{"id":2,"text":"bad","values":["NaN",2]}""",
            """{"id":3,"text":"third","values":[9.523123]}""",
        }));
    }

    private sealed record Line(int Id, string Text, double[] Values);

    private sealed class Unwritable
    {
        private readonly int _before = 1;

        public int Before => _before;

        public int Throws => _before > 0
            ? throw new InvalidOperationException("not writable")
            : _before;
    }
}
