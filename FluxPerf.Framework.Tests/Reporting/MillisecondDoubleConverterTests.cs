using System.Text.Json;
using FluxPerf.Reporting;
using FluxPerf.Running;
using NUnit.Framework;

namespace FluxPerf.Tests.Reporting;

[TestFixture]
public sealed class MillisecondDoubleConverterTests
{
    private const int ValuesPerKind = 60_000;

    private static readonly JsonSerializerOptions _builtInLines =
        WithoutConverter(ReportJson.Lines);

    private static readonly JsonSerializerOptions _builtInIndented =
        WithoutConverter(ReportJson.Indented);

    [Test]
    public void Serialize_SeededValuesOfEveryKind_WritesTheBuiltInTextByteForByte()
    {
        var values = SeededValues(new Random(20251203)).ToArray();
        var differences = new List<string>();

        foreach (var value in values)
        {
            var written = JsonSerializer.Serialize(value, ReportJson.Lines);
            var expected = JsonSerializer.Serialize(value, _builtInLines);
            if (written != expected)
            {
                differences.Add($"{value:R}: {written} instead of {expected}");
            }
        }

        Assert.That(differences, Is.Empty, $"{values.Length} values compared");
    }

    [Test]
    public void Serialize_SeededArraysLinesAndIndented_WriteTheBuiltInText()
    {
        var values = SeededValues(new Random(7)).ToArray();
        var nullable = values.Select(v => (double?)v).Append(null).ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonSerializer.Serialize(values, ReportJson.Lines),
                Is.EqualTo(JsonSerializer.Serialize(values, _builtInLines)));
            Assert.That(JsonSerializer.Serialize(nullable, ReportJson.Lines),
                Is.EqualTo(JsonSerializer.Serialize(nullable, _builtInLines)));
            Assert.That(JsonSerializer.Serialize(values[..2000], ReportJson.Indented),
                Is.EqualTo(JsonSerializer.Serialize(values[..2000], _builtInIndented)));
        }
    }

    [Test]
    public void Serialize_RequestRecord_WritesTheBuiltInLine()
    {
        // Nullable timings and the ITL list are where requests.jsonl spends its time; they must
        // come out as they did before the converter.
        var random = new Random(11);
        var records = Enumerable.Range(0, 500).Select(i => Record(random, i)).ToArray();

        var differences = records
            .Select(r => (Written: JsonSerializer.Serialize(r, ReportJson.Lines),
                Expected: JsonSerializer.Serialize(r, _builtInLines)))
            .Where(p => p.Written != p.Expected)
            .Select(p => p.Written)
            .ToList();

        Assert.That(differences, Is.Empty);
    }

    [TestCase(double.NaN, "\"NaN\"")]
    [TestCase(double.PositiveInfinity, "\"Infinity\"")]
    [TestCase(double.NegativeInfinity, "\"-Infinity\"")]
    public void SerializeAndDeserialize_NamedLiteral_RoundTripsAsTheBuiltInDoes(
        double value,
        string json)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonSerializer.Serialize(value, ReportJson.Lines), Is.EqualTo(json));
            Assert.That(JsonSerializer.Serialize(value, ReportJson.Indented), Is.EqualTo(json));
            Assert.That(JsonSerializer.Deserialize<double>(json, ReportJson.Lines),
                Is.EqualTo(value));
            Assert.That(JsonSerializer.Deserialize<double?>(json, ReportJson.Lines),
                Is.EqualTo(value));
        }
    }

    [TestCase("9.523123", 9.523123)]
    [TestCase("-0", -0.0)]
    [TestCase("1E-05", 1e-5)]
    [TestCase("1.7976931348623157E+308", double.MaxValue)]
    public void Deserialize_Number_ReadsTheDouble(string json, double expected)
    {
        Assert.That(JsonSerializer.Deserialize<double>(json, ReportJson.Lines),
            Is.EqualTo(expected));
    }

    [TestCase("\"nan\"")]
    [TestCase("\"1.5\"")]
    [TestCase("true")]
    [TestCase("{}")]
    public void Deserialize_NotANumberNorALiteral_ThrowsLikeTheBuiltIn(string json)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => JsonSerializer.Deserialize<double>(json, _builtInLines),
                Throws.InstanceOf<JsonException>());
            Assert.That(() => JsonSerializer.Deserialize<double>(json, ReportJson.Lines),
                Throws.InstanceOf<JsonException>());
        }
    }

    [Test]
    public void Deserialize_RequestRecordLine_ReadsBackEveryValue()
    {
        var record = Record(new Random(3), 1);
        var line = JsonSerializer.Serialize(record, ReportJson.Lines);

        var read = JsonSerializer.Deserialize<RequestRecord>(line, ReportJson.Lines)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.ItlMs, Is.EqualTo(record.ItlMs));
            Assert.That(read.TtftMs, Is.EqualTo(record.TtftMs));
            Assert.That(read.TpotMs, Is.Null);
            Assert.That(read.DoneAtMs, Is.EqualTo(record.DoneAtMs));
        }
    }

    private static JsonSerializerOptions WithoutConverter(JsonSerializerOptions options)
    {
        var copy = new JsonSerializerOptions(options);
        var index = copy.Converters.ToList().FindIndex(c => c is MillisecondDoubleConverter);
        copy.Converters.RemoveAt(index);
        return copy;
    }

    private static IEnumerable<double> SeededValues(Random random)
    {
        for (var i = 0; i < ValuesPerKind; i++)
        {
            var sign = random.Next(2) == 0 ? 1 : -1;

            // Nanosecond ticks in ms, as the client measures them, across the whole range the
            // converter formats itself and past both of its ends.
            yield return sign * random.NextInt64(1_000_000_000_000_000) / 1e6;
            yield return random.NextInt64(1_000_000) / 1e6;
            yield return sign * (999_999_999_000_000 + random.NextInt64(2_000_000)) / 1e6;

            // The same ticks through a multiplication, near but not on a nanosecond.
            yield return random.NextInt64(100_000_000_000) * (1000.0 / 1e9);

            // Arbitrary doubles: scaled, integral, and any bit pattern at all.
            yield return sign * random.NextDouble() * Math.Pow(10, random.Next(-12, 24));
            yield return sign * (double)random.NextInt64(1L << 53);
            yield return BitConverter.Int64BitsToDouble(
                random.NextInt64(long.MinValue, long.MaxValue));
        }

        double[] edges =
        [
            0.0, -0.0, 1.0, -1.0, 1e-4, -1e-4, 1e-5, 9.9999e-5, 0.000123, 1e9, -1e9,
            999_999_999.999999, 1e15, 1e16, double.Epsilon, double.MaxValue, double.MinValue,
            Math.BitIncrement(1e-4), Math.BitDecrement(1e-4), Math.BitDecrement(1e9),
            0.1, 0.2, 0.3, 9.523123, 123_456_789.123456,
        ];
        foreach (var edge in edges)
        {
            yield return edge;
        }
    }

    private static RequestRecord Record(Random random, int index)
    {
        double Ms() => random.NextInt64(1, 60_000_000_000) / 1e6;
        return new RequestRecord
        {
            Stage = "s",
            Concurrency = 8,
            Round = 1 + (index % 2),
            RequestId = $"r{index}",
            SessionId = $"s{index}",
            Turn = 0,
            Status = "ok",
            TtftMs = index % 3 == 0 ? null : Ms(),
            ItlMs = [.. Enumerable.Range(0, index % 25).Select(_ => Ms())],
            TpotMs = index % 2 == 1 ? null : random.NextDouble() * 30,
            E2eLatencyMs = Ms(),
            ScheduleLagMs = random.NextDouble(),
            ScheduledAtMs = Ms(),
            SentAtMs = Ms(),
            DoneAtMs = -Ms(),
        };
    }
}
