using Invoicing.Core.Documents;
using Invoicing.Core.EInvoicing.Mapping;

namespace Invoicing.Core.Validation;

/// <summary>
/// The pre-dispatch gate: maps an issued document to the EN 16931 model and runs a validator's rules
/// on it. A document with a fatal finding cannot be dispatched; issuing is never affected (an issued
/// invoice stays issued, and is corrected by a credit note or re-dispatched once the host fixes what
/// the findings name).
/// </summary>
/// <remarks>Immutable; safe to use from many threads when its rules are.</remarks>
public sealed class PreDispatchValidator
{
    /// <summary>Creates the gate.</summary>
    /// <param name="validator">The rules to run, or null for <see cref="EInvoiceValidator.En16931"/> (add host rules with <see cref="EInvoiceValidator.WithRules"/>).</param>
    /// <param name="mapper">The mapping to the model, or null for <see cref="EInvoiceMapper.Default"/>.</param>
    public PreDispatchValidator(EInvoiceValidator? validator = null, EInvoiceMapper? mapper = null)
    {
        Validator = validator ?? EInvoiceValidator.En16931;
        Mapper = mapper ?? EInvoiceMapper.Default;
    }

    /// <summary>The rules run on the mapped document.</summary>
    public EInvoiceValidator Validator { get; }

    /// <summary>The mapping from documents to the model.</summary>
    public EInvoiceMapper Mapper { get; }

    /// <summary>Validates an issued invoice or debit note on its mapped model.</summary>
    /// <param name="invoice">The invoice; issued.</param>
    /// <returns>Every finding; <see cref="ValidationReport.HasFatal"/> tells whether it may be dispatched.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is null.</exception>
    /// <exception cref="InvoiceStateException"><paramref name="invoice"/> is a draft: only issued documents are dispatched.</exception>
    public ValidationReport Validate(Invoice invoice) => Validator.Validate(Mapper.ToEInvoice(invoice));

    /// <summary>Validates an issued credit note on its mapped model.</summary>
    /// <param name="note">The credit note.</param>
    /// <param name="original">The invoice it credits.</param>
    /// <returns>Every finding; <see cref="ValidationReport.HasFatal"/> tells whether it may be dispatched.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="original"/> is not the invoice the note credits.</exception>
    public ValidationReport Validate(CreditNote note, Invoice original) => Validator.Validate(Mapper.ToEInvoice(note, original));

    /// <summary>Refuses an invoice or debit note whose mapped model has a fatal finding.</summary>
    /// <param name="invoice">The invoice; issued.</param>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is null.</exception>
    /// <exception cref="InvoiceStateException"><paramref name="invoice"/> is a draft: only issued documents are dispatched.</exception>
    /// <exception cref="InvoiceNotDispatchableException">The mapped model has at least one fatal finding; the exception lists them.</exception>
    public void EnsureDispatchable(Invoice invoice)
    {
        var report = Validate(invoice);
        if (report.HasFatal)
        {
            throw new InvoiceNotDispatchableException(invoice.Number!.Value, Fatal(report));
        }
    }

    /// <summary>Refuses a credit note whose mapped model has a fatal finding.</summary>
    /// <param name="note">The credit note.</param>
    /// <param name="original">The invoice it credits.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="original"/> is not the invoice the note credits.</exception>
    /// <exception cref="InvoiceNotDispatchableException">The mapped model has at least one fatal finding; the exception lists them.</exception>
    public void EnsureDispatchable(CreditNote note, Invoice original)
    {
        var report = Validate(note, original);
        if (report.HasFatal)
        {
            throw new InvoiceNotDispatchableException(note.Number, Fatal(report));
        }
    }

    private static Finding[] Fatal(ValidationReport report) => [.. report.Findings.Where(f => f.Severity == FindingSeverity.Fatal)];
}
