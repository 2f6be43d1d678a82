using Invoicing.Core.EInvoicing;
using Invoicing.Core.Validation;

namespace Invoicing.Core.Tests.Validation;

public sealed class EInvoiceValidatorTests
{
    private static readonly ValidationRule PaymentTermsForBusiness = new("ACME-01", FindingSeverity.Fatal, "Business buyers get payment terms (BT-20).", context =>
    {
        if (context.Document.Buyer?.VatIdentifier is { } vat && context.Document.PaymentTerms is null)
        {
            context.Report($"Buyer '{vat}' is a business, but the invoice has no payment terms (BT-20).", "BT-20", "BT-20");
        }
    });

    [Fact]
    public void WithRules_AddsAHostRuleThatReportsWithItsIdSeverityAndLocation()
    {
        var validator = new EInvoiceValidator([]).WithRules(PaymentTermsForBusiness);
        var document = new EInvoice { Buyer = new Buyer { VatIdentifier = "DE123456789" } };

        var report = validator.Validate(document);
        var finding = Assert.Single(report.Findings);

        Assert.Equal(("ACME-01", FindingSeverity.Fatal, "BT-20"), (finding.RuleId, finding.Severity, finding.Location.Term));
        Assert.Contains("DE123456789", finding.Message, StringComparison.Ordinal);
        Assert.True(report.HasFatal);
        Assert.True(validator.Validate(document with { PaymentTerms = "Net 30" }).IsClean);
    }

    [Fact]
    public void WithRules_ATakenId_IsRefused()
    {
        var validator = new EInvoiceValidator([PaymentTermsForBusiness]);

        var refused = Assert.Throws<ArgumentException>(() => validator.WithRules(PaymentTermsForBusiness));

        Assert.Contains("ACME-01", refused.Message, StringComparison.Ordinal);
        Assert.Single(validator.Rules);
    }

    [Fact]
    public void Report_OutsideARule_Throws()
    {
        var leaked = default(ValidationContext);
        new EInvoiceValidator([new ValidationRule("X", FindingSeverity.Warning, "keeps the context", c => leaked = c)]).Validate(new EInvoice());

        Assert.Throws<InvalidOperationException>(() => leaked!.Report("late", "BT-1", "BT-1"));
    }
}
