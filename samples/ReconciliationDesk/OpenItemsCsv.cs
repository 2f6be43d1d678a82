using System.Globalization;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Payments.Reconciliation;
using NodaTime;
using NodaTime.Text;

namespace ReconciliationDesk;

/// <summary>
/// Reads open items from CSV (see README.md): a header row with exactly <see cref="Columns"/>, then one
/// row per open receivable document. Dates are ISO 8601 (yyyy-MM-dd), amounts and percentages use a dot
/// and no thousands separator, whatever the machine's culture.
/// </summary>
/// <remarks>Stateless and thread-safe; each call reads its own text.</remarks>
public static class OpenItemsCsv
{
    /// <summary>The columns, in order. The last four may be empty; the discount needs both of its columns or neither.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "document_number", "customer_id", "customer_name", "customer_iban", "currency", "open_amount",
        "issue_date", "due_date", "creditor_reference", "discount_percent", "discount_until",
    ];

    /// <summary>Reads the open items one row at a time, so that a caller can count or stop as they arrive.</summary>
    /// <param name="reader">The CSV text (UTF-8 when read from a file).</param>
    /// <returns>The open items in file order, evaluated lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="CsvFormatException">The CSV is malformed, the header is not <see cref="Columns"/>, a row has the wrong
    /// number of fields, a value is invalid, or a document number repeats; thrown while enumerating.</exception>
    public static IEnumerable<OpenItem> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadRows(new CsvReader(reader));
    }

    private static IEnumerable<OpenItem> ReadRows(CsvReader csv)
    {
        var fields = new List<CsvField>(Columns.Count);
        if (!csv.ReadRecord(fields))
        {
            throw new CsvFormatException($"the file is empty; expected the header {string.Join(',', Columns)}", 1, 1);
        }

        CheckHeader(fields);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal); // document number -> line, to refuse duplicates
        while (csv.ReadRecord(fields))
        {
            if (fields.Count != Columns.Count)
            {
                var last = fields[^1];
                throw new CsvFormatException($"the row has {fields.Count} fields; expected {Columns.Count} ({string.Join(',', Columns)})", last.Line, last.Column);
            }

            var item = ToOpenItem(fields);
            if (!firstLine.TryAdd(item.DocumentNumber, fields[0].Line))
            {
                throw new CsvFormatException($"document number '{item.DocumentNumber}' repeats (first on line {firstLine[item.DocumentNumber]})", fields[0].Line, fields[0].Column);
            }

            yield return item;
        }
    }

    private static void CheckHeader(List<CsvField> header)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (i >= header.Count || header[i].Value != Columns[i])
            {
                var at = i < header.Count ? header[i] : header[^1];
                var found = i < header.Count ? $"'{header[i].Value}'" : "the end of the header";
                throw new CsvFormatException($"header column {i + 1} must be '{Columns[i]}'; found {found} (the header is {string.Join(',', Columns)})", at.Line, at.Column);
            }
        }

        if (header.Count > Columns.Count)
        {
            var extra = header[Columns.Count];
            throw new CsvFormatException($"the header has an extra column '{extra.Value}' (the header is {string.Join(',', Columns)})", extra.Line, extra.Column);
        }
    }

    private static OpenItem ToOpenItem(List<CsvField> f)
    {
        var currency = Currency.TryFromCode(f[4].Value, out var c) ? c
            : throw Invalid(f, 4, "is not an active ISO 4217 currency code");
        var amount = Money.Of(ParseDecimal(f, 5), currency);
        var issueDate = ParseDate(f, 6);
        var dueDate = f[7].Value.Length == 0 ? (LocalDate?)null : ParseDate(f, 7);
        if (dueDate < issueDate)
        {
            throw Invalid(f, 7, $"is before the issue date {LocalDatePattern.Iso.Format(issueDate)}");
        }

        OpenItemDiscount? discount = (f[9].Value.Length, f[10].Value.Length) switch
        {
            (0, 0) => null,
            (> 0, > 0) => new OpenItemDiscount(ParseDecimal(f, 9), ParseDate(f, 10)),
            (0, _) => throw Invalid(f, 9, "is empty, but discount_until is set: give both or neither"),
            _ => throw Invalid(f, 10, "is empty, but discount_percent is set: give both or neither"),
        };

        // The library checks the rest (lengths, positive amounts in whole minor units, the discount's range)
        // and names the parameter in its exception; map that back to the column.
        try
        {
            return new OpenItem(Required(f, 0), CustomerId.From(Required(f, 1)), amount)
            {
                CustomerName = Required(f, 2),
                PayerAccounts = [Required(f, 3)],
                IssueDate = issueDate,
                DueDate = dueDate,
                CreditorReference = f[8].Value,
                Discount = discount,
            };
        }
        catch (ArgumentException e)
        {
            var column = e.ParamName switch
            {
                "customerId" or "value" => 1,
                "CustomerName" => 2,
                "openAmount" => 5,
                "CreditorReference" => 8,
                "Discount" => 9,
                _ => 0,
            };
            // The first line, without " (Parameter 'x')" (an ArgumentOutOfRangeException adds the value on a second line).
            var message = e.Message.Split('\n')[0].Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            throw new CsvFormatException($"{Columns[column]}: {message}", f[column].Line, f[column].Column);
        }
    }

    private static string Required(List<CsvField> row, int column)
        => row[column].Value.Length > 0 ? row[column].Value : throw Invalid(row, column, "is empty; the column is required");

    private static decimal ParseDecimal(List<CsvField> row, int column)
        => decimal.TryParse(row[column].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(row, column, "is not a number (digits with an optional '.' and no thousands separator, such as 1190.00)");

    private static LocalDate ParseDate(List<CsvField> row, int column)
        => LocalDatePattern.Iso.Parse(row[column].Value) is { Success: true } result
            ? result.Value
            : throw Invalid(row, column, "is not a date (yyyy-MM-dd)");

    private static CsvFormatException Invalid(List<CsvField> row, int column, string problem)
        => new($"{Columns[column]}: '{row[column].Value}' {problem}", row[column].Line, row[column].Column);
}
