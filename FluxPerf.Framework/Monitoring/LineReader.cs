using System.Text;

namespace FluxPerf.Monitoring;

/// <summary>A cursor over one exposition line, with the lexical rules of the text formats.
/// </summary>
internal ref struct LineReader
{
    private readonly ReadOnlySpan<char> _line;
    private int _position;

    public LineReader(ReadOnlySpan<char> line)
    {
        _line = line;
        _position = 0;
    }

    public readonly bool AtEnd => _position >= _line.Length;

    public readonly char Current => _line[_position];

    public readonly int Column => _position + 1;

    public readonly ReadOnlySpan<char> Rest => _line[_position..];

    public void Advance() => _position++;

    public int SkipBlanks()
    {
        var start = _position;
        while (!AtEnd && Current is ' ' or '\t')
        {
            _position++;
        }

        return _position - start;
    }

    /// <summary>A metric name: <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, or a quoted UTF-8 name.</summary>
    public string? ReadMetricName()
    {
        if (!AtEnd && Current == '"')
        {
            return ReadQuoted(out _);
        }

        return ReadIdentifier(allowColon: true);
    }

    /// <summary>A metric name (with colons) or a label name (without).</summary>
    public string? ReadIdentifier(bool allowColon)
    {
        var start = _position;
        while (!AtEnd && IsNameChar(Current, _position == start, allowColon))
        {
            _position++;
        }

        return _position == start ? null : _line[start.._position].ToString();
    }

    /// <summary>A token up to the next blank (a value or a timestamp).</summary>
    public ReadOnlySpan<char> ReadToken()
    {
        var start = _position;
        while (!AtEnd && Current is not (' ' or '\t'))
        {
            _position++;
        }

        return _line[start.._position];
    }

    /// <summary>
    /// A double-quoted string at the cursor with <c>\\</c>, <c>\"</c> and <c>\n</c> resolved.
    /// Any other escape is kept as written: rejecting it would lose a whole series over one
    /// odd character in a label nobody selects.
    /// </summary>
    public string? ReadQuoted(out string? error)
    {
        var builder = new StringBuilder();
        _position++;
        while (!AtEnd)
        {
            var c = Current;
            _position++;
            if (c == '"')
            {
                error = null;
                return builder.ToString();
            }

            if (c == '\\' && !AtEnd)
            {
                c = Current;
                _position++;
                builder.Append(c switch
                {
                    'n' => "\n",
                    '\\' => "\\",
                    '"' => "\"",
                    _ => string.Concat("\\", c.ToString()),
                });
                continue;
            }

            builder.Append(c);
        }

        error = "unterminated quoted string";
        return null;
    }

    private static bool IsNameChar(char c, bool first, bool allowColon) =>
        char.IsAsciiLetter(c) || c == '_' || (allowColon && c == ':')
        || (!first && char.IsAsciiDigit(c));
}
