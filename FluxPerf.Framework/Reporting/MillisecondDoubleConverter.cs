using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FluxPerf.Reporting;

/// <summary>
/// Writes doubles exactly as System.Text.Json does, but formats the common case itself: a
/// millisecond figure measured in whole nanoseconds (ticks / 1e6), which is every timing in
/// requests.jsonl. The general shortest-round-trip algorithm costs about 190 ns per value, and
/// a record holds some 27 of them, so at a million records it was most of the file's cost.
/// Reads as the built-in converter does.
/// </summary>
internal sealed class MillisecondDoubleConverter : JsonConverter<double>
{
    private const long NanosPerMs = 1_000_000;

    // Below 1e-4 the built-in formatting switches to exponent notation (1E-05), so such values
    // are left to it. Below 1e9 ms, value · 1e6 stays under 1e15: at most 15 significant digits,
    // and any decimal that short is the shortest text reading back as its nearest double, which
    // is the text the built-in formatting writes.
    private const double Smallest = 1e-4;
    private const double Largest = 1e9;

    // Sign, nine integer digits, the point and six fraction digits.
    private const int MaxLength = 17;

    private static readonly JsonConverter<double> _builtIn =
        (JsonConverter<double>)JsonSerializerOptions.Default.GetConverter(typeof(double));

    /// <inheritdoc />
    public override double Read(
        ref Utf8JsonReader reader,
        Type typeToConvert,
        JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && AllowsNamedLiterals(options))
        {
            return NamedLiteral(ref reader);
        }

        // Throws for any other token as the built-in converter does, which the serializer
        // reports as a JsonException with the path.
        return reader.GetDouble();
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        // A raw value is not indented like a number in an indented array ("[1.5,2.5\n]"), so
        // indented files (results.json, small) keep the built-in formatting throughout.
        Span<byte> text = stackalloc byte[MaxLength];
        if (!writer.Options.Indented && TryFormatNanosecondMs(value, text, out var length))
        {
            writer.WriteRawValue(text[..length], skipInputValidation: true);
        }
        else if (double.IsFinite(value) || !AllowsNamedLiterals(options))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN"
                : double.IsPositiveInfinity(value) ? "Infinity" : "-Infinity");
        }
    }

    /// <inheritdoc />
    public override double ReadAsPropertyName(
        ref Utf8JsonReader reader,
        Type typeToConvert,
        JsonSerializerOptions options) =>
        _builtIn.ReadAsPropertyName(ref reader, typeToConvert, options);

    /// <inheritdoc />
    public override void WriteAsPropertyName(
        Utf8JsonWriter writer,
        double value,
        JsonSerializerOptions options) =>
        _builtIn.WriteAsPropertyName(writer, value, options);

    /// <summary>Writes <paramref name="value"/> when it is a whole number of nanoseconds, in
    /// milliseconds, within the range where the text is sure to match the built-in's.</summary>
    internal static bool TryFormatNanosecondMs(double value, Span<byte> text, out int length)
    {
        length = 0;
        var magnitude = Math.Abs(value);
        if (!(magnitude >= Smallest && magnitude < Largest))
        {
            return false;
        }

        // The division is correctly rounded, so equality means value is the double nearest
        // nanos / 1e6: its shortest text is that decimal, trailing zeros trimmed.
        var nanos = (long)Math.Round(magnitude * NanosPerMs);
        if (nanos / (double)NanosPerMs != magnitude)
        {
            return false;
        }

        if (value < 0)
        {
            text[length++] = (byte)'-';
        }

        Utf8Formatter.TryFormat(nanos / NanosPerMs, text[length..], out var whole);
        length += whole;
        length += WriteFraction((int)(nanos % NanosPerMs), text[length..]);
        return true;
    }

    private static int WriteFraction(int fraction, Span<byte> text)
    {
        if (fraction == 0)
        {
            return 0;
        }

        var digits = 6;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        text[0] = (byte)'.';
        for (var i = digits; i > 0; i--)
        {
            text[i] = (byte)('0' + (fraction % 10));
            fraction /= 10;
        }

        return digits + 1;
    }

    private static bool AllowsNamedLiterals(JsonSerializerOptions options) =>
        (options.NumberHandling & JsonNumberHandling.AllowNamedFloatingPointLiterals) != 0;

    private static double NamedLiteral(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("NaN"u8))
        {
            return double.NaN;
        }

        if (reader.ValueTextEquals("Infinity"u8))
        {
            return double.PositiveInfinity;
        }

        if (reader.ValueTextEquals("-Infinity"u8))
        {
            return double.NegativeInfinity;
        }

        throw new JsonException(
            $"\"{reader.GetString()}\" is not a number; a number, \"NaN\", \"Infinity\" or "
            + "\"-Infinity\" is allowed");
    }
}
