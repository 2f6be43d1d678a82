using System.Text;

namespace ReconciliationDesk;

/// <summary>One field of a CSV record: its text (quotes removed) and where it starts in the file.</summary>
/// <param name="Value">The text, with the enclosing quotes removed and <c>""</c> turned into <c>"</c>.</param>
/// <param name="Line">The 1-based line on which the field starts.</param>
/// <param name="Column">The 1-based column (character in the line) at which the field starts.</param>
public readonly record struct CsvField(string Value, int Line, int Column);

/// <summary>A CSV file breaks RFC 4180, or a field holds a value that is not allowed; names the place.</summary>
/// <param name="problem">What is wrong, in English.</param>
/// <param name="line">The 1-based line of the problem.</param>
/// <param name="column">The 1-based column of the problem.</param>
public sealed class CsvFormatException(string problem, int line, int column) : FormatException(problem)
{
    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; } = line;

    /// <summary>The 1-based column of the problem.</summary>
    public int Column { get; } = column;
}

/// <summary>
/// A small streaming reader for RFC 4180 CSV: fields separated by commas, records by CRLF or LF, fields
/// optionally enclosed in double quotes, in which commas, line breaks and doubled quotes (<c>""</c>)
/// are literal. It reads one record at a time, so a file of any size needs memory for one record only.
/// </summary>
/// <remarks>
/// Strict on purpose: a quote inside an unquoted field, text after a closing quote and a quoted field
/// that never ends are errors naming the line and column, not guesses. Not thread-safe.
/// </remarks>
public sealed class CsvReader
{
    private const int EndOfFile = -1;

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _line = 1;
    private int _column = 1;

    /// <summary>Creates a reader over text; the caller owns <paramref name="reader"/> and disposes of it.</summary>
    /// <param name="reader">The text, for example a <see cref="StreamReader"/> over a UTF-8 file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public CsvReader(TextReader reader) => _reader = reader ?? throw new ArgumentNullException(nameof(reader));

    /// <summary>Reads the next record.</summary>
    /// <param name="fields">Cleared, then filled with the record's fields in order.</param>
    /// <returns>True when a record was read; false at the end of the input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> is null.</exception>
    /// <exception cref="CsvFormatException">The input breaks RFC 4180 (see the remarks on the class).</exception>
    public bool ReadRecord(List<CsvField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        if (Peek() == EndOfFile)
        {
            return false;
        }

        while (true)
        {
            var (line, column) = (_line, _column);
            var value = Peek() == '"' ? ReadQuoted(line, column) : ReadUnquoted();
            fields.Add(new CsvField(value, line, column));
            switch (Next())
            {
                case ',':
                    continue;
                case '\r':
                    if (Peek() == '\n')
                    {
                        Next();
                    }

                    return true;
                default: // '\n' or the end of the input
                    return true;
            }
        }
    }

    private string ReadUnquoted()
    {
        _field.Clear();
        while (Peek() is not (',' or '\r' or '\n' or EndOfFile))
        {
            if (Peek() == '"')
            {
                throw new CsvFormatException("a quote inside an unquoted field (enclose the field in quotes and double the quote)", _line, _column);
            }

            _field.Append((char)Next());
        }

        return _field.ToString();
    }

    private string ReadQuoted(int line, int column)
    {
        _field.Clear();
        Next(); // the opening quote
        while (true)
        {
            var c = Next();
            if (c == EndOfFile)
            {
                throw new CsvFormatException("a quoted field is never closed (unterminated quote)", line, column);
            }

            if (c == '"')
            {
                if (Peek() != '"')
                {
                    break;
                }

                Next(); // "" is one literal quote
            }

            _field.Append((char)c);
        }

        return Peek() is ',' or '\r' or '\n' or EndOfFile
            ? _field.ToString()
            : throw new CsvFormatException($"unexpected '{(char)Peek()}' after the closing quote of a field", _line, _column);
    }

    private int Peek()
    {
        if (_position == _length)
        {
            try
            {
                _length = _reader.Read(_buffer, 0, _buffer.Length);
            }
            catch (DecoderFallbackException)
            {
                throw new CsvFormatException("the file is not valid UTF-8 (at or after this place)", _line, _column);
            }

            _position = 0;
            if (_length == 0)
            {
                return EndOfFile;
            }
        }

        return _buffer[_position];
    }

    private int Next()
    {
        var c = Peek();
        if (c == EndOfFile)
        {
            return c;
        }

        _position++;
        // A line ends at LF, or at a CR not followed by LF (CRLF counts once, at its LF).
        if (c == '\n' || (c == '\r' && Peek() != '\n'))
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        return c;
    }
}
