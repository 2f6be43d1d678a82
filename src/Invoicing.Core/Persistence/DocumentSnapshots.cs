using System.Text.Json;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Persistence.Snapshots;

namespace Invoicing.Core.Persistence;

/// <summary>
/// The snapshot (memento) form of the documents, for hosts that store JSON: an <see cref="Invoice"/>
/// version in any status, a <see cref="CreditNote"/>, and a <see cref="CustomerAccount"/>. Every field round-trips exactly, and
/// writing what was read gives the same text again.
/// </summary>
/// <remarks>
/// <para>Format: one compact JSON object with camelCase names, starting with its schema name and
/// version: <c>{"schema":"invoicing-core/invoice","schemaVersion":1,"id":…}</c>,
/// <c>{"schema":"invoicing-core/credit-note","schemaVersion":1,…}</c> or
/// <c>{"schema":"invoicing-core/customer-account","schemaVersion":1,…}</c>. Amounts are
/// <c>{"amount":12.30,"currency":"EUR"}</c> (see <see cref="MoneyJsonConverter"/>), dates are ISO
/// strings (<c>"2026-11-23"</c>), codes and identifiers are strings, enum values are camelCase names
/// (<c>"partiallyPaid"</c>). Optional values are left out when absent; lists are always written.</para>
/// <para>An invoice's totals (BG-22, the tax breakdown and the amounts of every line, allowance and
/// charge), its payment schedule and its payments are stored and restored as stored, never
/// recomputed: an issued invoice keeps the exact amounts it was issued with, whatever the tax
/// calculator does later. Reading checks instead that they agree with each other and with the
/// document (the EN 16931 identities, ids, counts, currencies), and that status, number, schedule and
/// payments fit together.</para>
/// <para>A credit note is immutable and its totals are sums of its lines: they are written for
/// readers of the JSON, and on reading recomputed from the lines and checked against the stored
/// ones. Reading also checks the line ids ("1" to "n" in order), each line's amount against its net
/// and tax in the pricing mode, the currencies and the tax treatments.</para>
/// <para>Reading is strict: the schema name and version must match, unknown, repeated and missing
/// properties are errors, numbers are read exactly or not at all, and every value is rebuilt through
/// the domain's validating constructors and factories. Whatever is wrong, the reader throws a
/// <see cref="JsonException"/> whose message names the JSON path and the value; a domain exception
/// that refused a value is its <see cref="Exception.InnerException"/>.</para>
/// <para>Source-generated serialization, no reflection: safe for trimmed and native AOT hosts.
/// Stateless and thread-safe.</para>
/// </remarks>
public static class DocumentSnapshots
{
    /// <summary>Writes the snapshot of an invoice version as JSON text.</summary>
    /// <param name="invoice">The invoice, in any status.</param>
    /// <returns>The compact JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is null.</exception>
    /// <exception cref="ArgumentException">The invoice holds a value that has no JSON form (an undefined enum value cast into a property).</exception>
    public static string ToJson(Invoice invoice)
        => Write(InvoiceSnapshotMapper.ToSnapshot(Preconditions.CheckNotNull(invoice)), static (s, c) => JsonSerializer.Serialize(s, c.InvoiceSnapshot), nameof(invoice));

    /// <summary>Writes the snapshot of an invoice version as UTF-8 JSON.</summary>
    /// <param name="invoice">The invoice, in any status.</param>
    /// <returns>The compact JSON, UTF-8 encoded, without a byte order mark.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is null.</exception>
    /// <exception cref="ArgumentException">The invoice holds a value that has no JSON form (an undefined enum value cast into a property).</exception>
    public static byte[] ToUtf8Json(Invoice invoice)
        => Write(InvoiceSnapshotMapper.ToSnapshot(Preconditions.CheckNotNull(invoice)), static (s, c) => JsonSerializer.SerializeToUtf8Bytes(s, c.InvoiceSnapshot), nameof(invoice));

    /// <summary>Reads an invoice version from its snapshot JSON text.</summary>
    /// <param name="json">The text written by <see cref="ToJson(Invoice)"/> (schema "invoicing-core/invoice", version 1).</param>
    /// <param name="catalog">The currencies to accept, for invoices in custom currencies; null for ISO 4217.</param>
    /// <returns>The invoice, equal in every field to the one written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a valid invoice snapshot: malformed JSON, another schema or version,
    /// an unknown, repeated or missing property, an invalid value, or totals, schedule or payments that do not agree with the
    /// document. The message names the JSON path and the value.</exception>
    public static Invoice InvoiceFromJson(string json, CurrencyCatalog? catalog = null)
        => InvoiceFromUtf8Json(SnapshotReader.Utf8(json), catalog);

    /// <summary>Reads an invoice version from its snapshot UTF-8 JSON.</summary>
    /// <param name="json">The UTF-8 JSON written by <see cref="ToUtf8Json(Invoice)"/> (schema "invoicing-core/invoice", version 1); a leading byte order mark is skipped.</param>
    /// <param name="catalog">The currencies to accept, for invoices in custom currencies; null for ISO 4217.</param>
    /// <returns>The invoice, equal in every field to the one written.</returns>
    /// <exception cref="JsonException">The JSON is not a valid invoice snapshot: malformed JSON, another schema or version,
    /// an unknown, repeated or missing property, an invalid value, or totals, schedule or payments that do not agree with the
    /// document. The message names the JSON path and the value.</exception>
    public static Invoice InvoiceFromUtf8Json(ReadOnlySpan<byte> json, CurrencyCatalog? catalog = null)
    {
        var snapshot = SnapshotReader.Read(json, SnapshotReader.InvoiceSchema, SnapshotReader.ContextFor(catalog).InvoiceSnapshot);
        return InvoiceSnapshotMapper.ToInvoice(snapshot);
    }

    /// <summary>Writes the snapshot of a credit note as JSON text.</summary>
    /// <param name="creditNote">The credit note.</param>
    /// <returns>The compact JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="creditNote"/> is null.</exception>
    /// <exception cref="ArgumentException">The credit note holds a value that has no JSON form (an undefined enum value cast into a property).</exception>
    public static string ToJson(CreditNote creditNote)
        => Write(CreditNoteSnapshotMapper.ToSnapshot(Preconditions.CheckNotNull(creditNote)), static (s, c) => JsonSerializer.Serialize(s, c.CreditNoteSnapshot), nameof(creditNote));

    /// <summary>Writes the snapshot of a credit note as UTF-8 JSON.</summary>
    /// <param name="creditNote">The credit note.</param>
    /// <returns>The compact JSON, UTF-8 encoded, without a byte order mark.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="creditNote"/> is null.</exception>
    /// <exception cref="ArgumentException">The credit note holds a value that has no JSON form (an undefined enum value cast into a property).</exception>
    public static byte[] ToUtf8Json(CreditNote creditNote)
        => Write(CreditNoteSnapshotMapper.ToSnapshot(Preconditions.CheckNotNull(creditNote)), static (s, c) => JsonSerializer.SerializeToUtf8Bytes(s, c.CreditNoteSnapshot), nameof(creditNote));

    /// <summary>Reads a credit note from its snapshot JSON text.</summary>
    /// <param name="json">The text written by <see cref="ToJson(CreditNote)"/> (schema "invoicing-core/credit-note", version 1).</param>
    /// <param name="catalog">The currencies to accept, for credit notes in custom currencies; null for ISO 4217.</param>
    /// <returns>The credit note, equal in every field to the one written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a valid credit note snapshot: malformed JSON, another schema or version,
    /// an unknown, repeated or missing property, an invalid value, lines out of order or whose amount, net and tax do not agree
    /// with the pricing mode, or totals that are not the sums of the lines. The message names the JSON path and the value.</exception>
    public static CreditNote CreditNoteFromJson(string json, CurrencyCatalog? catalog = null)
        => CreditNoteFromUtf8Json(SnapshotReader.Utf8(json), catalog);

    /// <summary>Reads a credit note from its snapshot UTF-8 JSON.</summary>
    /// <param name="json">The UTF-8 JSON written by <see cref="ToUtf8Json(CreditNote)"/> (schema "invoicing-core/credit-note", version 1); a leading byte order mark is skipped.</param>
    /// <param name="catalog">The currencies to accept, for credit notes in custom currencies; null for ISO 4217.</param>
    /// <returns>The credit note, equal in every field to the one written.</returns>
    /// <exception cref="JsonException">The JSON is not a valid credit note snapshot: malformed JSON, another schema or version,
    /// an unknown, repeated or missing property, an invalid value, lines out of order or whose amount, net and tax do not agree
    /// with the pricing mode, or totals that are not the sums of the lines. The message names the JSON path and the value.</exception>
    public static CreditNote CreditNoteFromUtf8Json(ReadOnlySpan<byte> json, CurrencyCatalog? catalog = null)
    {
        var snapshot = SnapshotReader.Read(json, CreditNoteSnapshotMapper.CreditNoteSchema, SnapshotReader.ContextFor(catalog).CreditNoteSnapshot);
        return CreditNoteSnapshotMapper.ToCreditNote(snapshot);
    }

    /// <summary>Writes the snapshot of a customer account as JSON text.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The compact JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentException">The account holds a value that has no JSON form (an undefined enum value cast into a property).</exception>
    public static string ToJson(CustomerAccount account)
        => Write(PartiesSnapshotMapper.ToSnapshot(Preconditions.CheckNotNull(account)), static (s, c) => JsonSerializer.Serialize(s, c.CustomerAccountSnapshot), nameof(account));

    /// <summary>Writes the snapshot of a customer account as UTF-8 JSON.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The compact JSON, UTF-8 encoded, without a byte order mark.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentException">The account holds a value that has no JSON form (an undefined enum value cast into a property).</exception>
    public static byte[] ToUtf8Json(CustomerAccount account)
        => Write(PartiesSnapshotMapper.ToSnapshot(Preconditions.CheckNotNull(account)), static (s, c) => JsonSerializer.SerializeToUtf8Bytes(s, c.CustomerAccountSnapshot), nameof(account));

    /// <summary>Reads a customer account from its snapshot JSON text.</summary>
    /// <param name="json">The text written by <see cref="ToJson(CustomerAccount)"/> (schema "invoicing-core/customer-account", version 1).</param>
    /// <param name="catalog">The currencies to accept, for accounts in custom currencies; null for ISO 4217.</param>
    /// <returns>The account, equal in every field to the one written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a valid customer account snapshot: malformed JSON, another schema or
    /// version, an unknown, repeated or missing property, or an invalid value. The message names the JSON path and the value.</exception>
    public static CustomerAccount CustomerAccountFromJson(string json, CurrencyCatalog? catalog = null)
        => CustomerAccountFromUtf8Json(SnapshotReader.Utf8(json), catalog);

    /// <summary>Reads a customer account from its snapshot UTF-8 JSON.</summary>
    /// <param name="json">The UTF-8 JSON written by <see cref="ToUtf8Json(CustomerAccount)"/> (schema "invoicing-core/customer-account", version 1); a leading byte order mark is skipped.</param>
    /// <param name="catalog">The currencies to accept, for accounts in custom currencies; null for ISO 4217.</param>
    /// <returns>The account, equal in every field to the one written.</returns>
    /// <exception cref="JsonException">The JSON is not a valid customer account snapshot: malformed JSON, another schema or
    /// version, an unknown, repeated or missing property, or an invalid value. The message names the JSON path and the value.</exception>
    public static CustomerAccount CustomerAccountFromUtf8Json(ReadOnlySpan<byte> json, CurrencyCatalog? catalog = null)
    {
        var snapshot = SnapshotReader.Read(json, SnapshotReader.CustomerAccountSchema, SnapshotReader.ContextFor(catalog).CustomerAccountSnapshot);
        return PartiesSnapshotMapper.ToCustomerAccount(snapshot);
    }

    private static TResult Write<TSnapshot, TResult>(TSnapshot snapshot, Func<TSnapshot, SnapshotJsonContext, TResult> serialize, string paramName)
    {
        try
        {
            return serialize(snapshot, SnapshotJsonContext.Default);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The {paramName} cannot be written as a snapshot: {e.Message}", paramName, e);
        }
    }
}
