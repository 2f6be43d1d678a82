using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Invoicing.Core.Documents;

/// <summary>
/// A numbering series: its id and the pattern that turns a counter into an invoice number, such as
/// "INV-{yyyy}-{n:6}" → "INV-2026-000123". The counter restarts at 1 every year when
/// <see cref="RestartsEveryYear"/> is set.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Placeholders: <c>{yyyy}</c> the four-digit year of the issue
/// date, <c>{yy}</c> its last two digits, <c>{n}</c> the counter, <c>{n:6}</c> the counter padded
/// with zeros to at least six digits (it grows beyond when it must; numbers never repeat). Any other
/// text is copied; write <c>{{</c> and <c>}}</c> for braces.</para>
/// <para>A pattern has exactly one counter, and a series that restarts every year must show the year,
/// otherwise it would repeat numbers.</para>
/// </remarks>
public sealed class NumberSeries : IEquatable<NumberSeries>
{
    private readonly Segment[] _segments;

    /// <summary>Creates a series.</summary>
    /// <param name="id">The series name, unique within a tenant (for example "INV" or "POS-STORE-12"); 1 to 50 letters, digits, '-', '_' or '.'.</param>
    /// <param name="pattern">The number pattern (see the type's remarks).</param>
    /// <param name="restartsEveryYear">Whether the counter restarts at 1 each calendar year of the issue date.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="pattern"/> is null.</exception>
    /// <exception cref="ArgumentException">The id or the pattern is invalid; the message says why.</exception>
    public NumberSeries(string id, string pattern, bool restartsEveryYear)
    {
        Preconditions.CheckNotNull(id);
        Preconditions.CheckNotNull(pattern);
        if (id.Length is 0 or > 50 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"'{id}' is not a valid series id: use 1 to 50 letters, digits, '-', '_' or '.'.", nameof(id));
        }

        _segments = ParsePattern(pattern, out var problem);
        if (problem is not null)
        {
            throw new ArgumentException($"'{pattern}' is not a valid number pattern: {problem}.", nameof(pattern));
        }

        if (_segments.Count(s => s.Kind == SegmentKind.Counter) != 1)
        {
            throw new ArgumentException($"'{pattern}' is not a valid number pattern: it needs exactly one counter ({{n}} or {{n:6}}).", nameof(pattern));
        }

        if (restartsEveryYear && !_segments.Any(s => s.Kind is SegmentKind.Year4 or SegmentKind.Year2))
        {
            throw new ArgumentException(
                $"'{pattern}' restarts every year but shows no year ({{yyyy}} or {{yy}}): it would repeat numbers.", nameof(pattern));
        }

        Id = id;
        Pattern = pattern;
        RestartsEveryYear = restartsEveryYear;
    }

    private enum SegmentKind
    {
        Text,
        Year4,
        Year2,
        Counter,
    }

    /// <summary>The default series: "INV-{yyyy}-{n:6}", restarting every year.</summary>
    public static NumberSeries Default { get; } = new("INV", "INV-{yyyy}-{n:6}", restartsEveryYear: true);

    /// <summary>The series name.</summary>
    public string Id { get; }

    /// <summary>The number pattern.</summary>
    public string Pattern { get; }

    /// <summary>Whether the counter restarts at 1 every calendar year.</summary>
    public bool RestartsEveryYear { get; }

    /// <summary>The key under which a sequence counts: the series id, with the year when the series restarts yearly ("INV/2026").</summary>
    /// <param name="year">The year of the issue date.</param>
    /// <returns>The counter key.</returns>
    public string CounterKey(int year)
        => RestartsEveryYear ? string.Create(CultureInfo.InvariantCulture, $"{Id}/{year}") : Id;

    /// <summary>Formats the number for a counter value and an issue year.</summary>
    /// <param name="counter">The counter, 1 or more.</param>
    /// <param name="year">The year of the issue date.</param>
    /// <returns>The invoice number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="counter"/> is below 1, or <paramref name="year"/> outside 1 to 9999.</exception>
    public InvoiceNumber Format(long counter, int year)
    {
        if (counter < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(counter), counter, "Invoice counters start at 1.");
        }

        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The year must be 1 to 9999.");
        }

        var text = new StringBuilder();
        foreach (var segment in _segments)
        {
            _ = segment.Kind switch
            {
                SegmentKind.Text => text.Append(segment.Text),
                SegmentKind.Year4 => text.Append(year.ToString("D4", CultureInfo.InvariantCulture)),
                SegmentKind.Year2 => text.Append((year % 100).ToString("D2", CultureInfo.InvariantCulture)),
                _ => text.Append(counter.ToString("D" + segment.Width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
            };
        }

        return InvoiceNumber.From(text.ToString());
    }

    /// <summary>Returns whether <paramref name="other"/> has the same id, pattern and restart rule.</summary>
    /// <param name="other">The series to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals([NotNullWhen(true)] NumberSeries? other)
        => other is not null && Id == other.Id && Pattern == other.Pattern && RestartsEveryYear == other.RestartsEveryYear;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as NumberSeries);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Pattern, RestartsEveryYear);

    /// <summary>Returns "INV: INV-{yyyy}-{n:6}, restarts every year".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id}: {Pattern}" + (RestartsEveryYear ? ", restarts every year" : string.Empty);

    private static Segment[] ParsePattern(string pattern, out string? problem)
    {
        var segments = new List<Segment>();
        var text = new StringBuilder();
        problem = null;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '}' && i + 1 < pattern.Length && pattern[i + 1] == '}')
            {
                text.Append('}');
                i++;
                continue;
            }

            if (c == '}')
            {
                problem = $"a lone '}}' at position {i + 1}; write '}}}}' for a brace";
                return [];
            }

            if (c != '{')
            {
                text.Append(c);
                continue;
            }

            if (i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                text.Append('{');
                i++;
                continue;
            }

            var end = pattern.IndexOf('}', i);
            if (end < 0)
            {
                problem = $"the placeholder at position {i + 1} is not closed";
                return [];
            }

            if (text.Length > 0)
            {
                segments.Add(new Segment(SegmentKind.Text, text.ToString(), 0));
                text.Clear();
            }

            var name = pattern[(i + 1)..end];
            if (PlaceholderSegment(name) is not { } segment)
            {
                problem = $"'{{{name}}}' is not a placeholder; use {{yyyy}}, {{yy}}, {{n}} or {{n:width}}";
                return [];
            }

            segments.Add(segment);
            i = end;
        }

        if (text.Length > 0)
        {
            segments.Add(new Segment(SegmentKind.Text, text.ToString(), 0));
        }

        return [.. segments];
    }

    private static Segment? PlaceholderSegment(string name)
    {
        switch (name)
        {
            case "yyyy":
                return new Segment(SegmentKind.Year4, null, 0);
            case "yy":
                return new Segment(SegmentKind.Year2, null, 0);
            case "n":
                return new Segment(SegmentKind.Counter, null, 1);
        }

        return name.StartsWith("n:", StringComparison.Ordinal)
               && int.TryParse(name.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var width)
               && width is >= 1 and <= 18
            ? new Segment(SegmentKind.Counter, null, width)
            : null;
    }

    private readonly record struct Segment(SegmentKind Kind, string? Text, int Width);
}
