using Invoicing.Core.Documents;
using Invoicing.Core.EInvoicing.Mapping;
using Invoicing.Core.Monetary;
using Invoicing.Core.Validation;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Validation;

public sealed class PreDispatchValidatorTests
{
    private static readonly ValidationRule TermsForB2B = new("HOST-TERMS", FindingSeverity.Fatal, "Payment terms (BT-20) must be present for B2B.", context =>
    {
        if (context.Document.Buyer?.VatIdentifier is not null && context.Document.PaymentTerms is null)
        {
            context.Report("A business invoice states its payment terms (BT-20).", "BT-20", "/PaymentTerms");
        }
    });

    private static readonly ValidationRule NoteWarning = new("HOST-NOTE", FindingSeverity.Warning, "A note is recommended.", context =>
    {
        if (context.Document.Notes.Count == 0)
        {
            context.Report("No note (BT-22).", "BT-22", "/Notes");
        }
    });

    private static PreDispatchValidator Gate { get; } = new(EInvoiceValidator.En16931.WithRules(TermsForB2B, NoteWarning));

    private static async Task<Invoice> IssueAsync(InvoiceHeader header)
    {
        var (service, _, _) = Service();
        return (await service.IssueAsync(service.CreateDraft(Tenant, header, [Line("1", 2m, 10m)]).Invoice)).Invoice;
    }

    [Fact]
    public async Task EnsureDispatchable_FatalFinding_RefusesWithTheFinding()
    {
        // Issuing is untouched: the invoice without terms is issued; only its dispatch is refused.
        var invoice = await IssueAsync(BusinessHeader() with { PaymentTerms = null });
        Assert.Equal(InvoiceStatus.Issued, invoice.Status);

        var e = Assert.Throws<InvoiceNotDispatchableException>(() => Gate.EnsureDispatchable(invoice));

        Assert.Equal(invoice.Number, e.Number);
        var finding = Assert.Single(e.Findings);
        Assert.Equal("HOST-TERMS", finding.RuleId);
        Assert.Equal("BT-20", finding.Location.Term);
        Assert.Contains("HOST-TERMS", e.Message, StringComparison.Ordinal);
        Assert.Contains(invoice.Number!.Value.Value, e.Message, StringComparison.Ordinal);
        Assert.True(Gate.Validate(invoice).HasFatal);
    }

    [Fact]
    public async Task EnsureDispatchable_WarningsOnly_Passes()
    {
        var invoice = await IssueAsync(BusinessHeader());

        Gate.EnsureDispatchable(invoice);

        var report = Gate.Validate(invoice);
        Assert.False(report.HasFatal);
        Assert.True(report.Fired("HOST-NOTE"));
    }

    [Fact]
    public async Task EnsureDispatchable_CreditNote_UsesItsMappedModel()
    {
        var (service, clock, numbers) = Service();
        var original = (await service.IssueAsync(service.CreateDraft(Tenant, BusinessHeader() with { PaymentTerms = null }, [Line("1", 2m, 10m)]).Invoice)).Invoice;
        var note = (await new CreditNoteService(clock, numbers).IssueAsync(original, [], CreditNoteRequest.FullCancellation("Twice"))).CreditNote;
        var creditNoteRule = new ValidationRule("HOST-381", FindingSeverity.Fatal, "Credit notes refer to an invoice.", context =>
        {
            if (context.Document.TypeCode == "381" && context.Document.PrecedingInvoiceReferences.Count == 0)
            {
                context.Report("No BG-3.", "BG-3", "/PrecedingInvoiceReferences");
            }
        });
        var gate = new PreDispatchValidator(EInvoiceValidator.En16931.WithRules(creditNoteRule));

        gate.EnsureDispatchable(note, original);
        var e = Assert.Throws<InvoiceNotDispatchableException>(() => Gate.EnsureDispatchable(note, original));

        Assert.Equal(note.Number, e.Number);
        Assert.Equal("HOST-TERMS", Assert.Single(e.Findings).RuleId);
    }

    [Fact]
    public void EnsureDispatchable_Draft_Throws()
    {
        var (service, _, _) = Service();
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 10m)]).Invoice;

        Assert.Throws<InvoiceStateException>(() => Gate.EnsureDispatchable(draft));
    }

    [Fact]
    public void Constructor_Defaults_AreEn16931AndTheDefaultMapper()
    {
        var gate = new PreDispatchValidator();

        Assert.Same(EInvoiceValidator.En16931, gate.Validator);
        Assert.Same(EInvoiceMapper.Default, gate.Mapper);
    }

    [Fact]
    public void Exception_WithoutFindings_Throws()
        => Assert.Throws<ArgumentException>(() => new InvoiceNotDispatchableException(InvoiceNumber.From("INV-1"), []));

    [Fact]
    public async Task Validate_ThreeDecimalInvoice_MapsUnrounded()
    {
        var (service, _, _) = Service();
        var invoice = (await service.IssueAsync(service.CreateDraft(Tenant, BusinessHeader(Currency.Bhd), [Line("1", 1m, 1.234m, 10m, Currency.Bhd)]).Invoice)).Invoice;
        var seen = 0m;
        var gate = new PreDispatchValidator(new EInvoiceValidator([new ValidationRule("SPY", FindingSeverity.Warning, "spy", c => seen = c.Document.Totals!.SumOfLineNetAmounts!.Value)]));

        gate.Validate(invoice);

        Assert.Equal(1.234m, seen);
    }
}
