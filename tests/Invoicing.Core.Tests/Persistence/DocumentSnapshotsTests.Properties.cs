using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Persistence;

namespace Invoicing.Core.Tests.Persistence;

public sealed partial class DocumentSnapshotsTests
{
    [Property(MaxTest = 200)]
    public Property InvoiceFromJson_RandomInvoices_RoundTripExactlyAndStably()
        => Prop.ForAll(SnapshotGen.Invoices.ToArbitrary(), invoice =>
        {
            var json = DocumentSnapshots.ToJson(invoice);
            var back = DocumentSnapshots.InvoiceFromJson(json);

            SnapshotComparer.AssertEqual(invoice, back);
            Assert.Equal(json, DocumentSnapshots.ToJson(back));
        });

    /// <summary>One character deleted, inserted or replaced anywhere: the reader gives an invoice or a JsonException, nothing else.</summary>
    [Property(MaxTest = 500)]
    public Property InvoiceFromJson_AnySingleCharacterEdit_GivesAnInvoiceOrAJsonException()
        => Prop.ForAll(EditGen.ToArbitrary(), edit =>
        {
            var (position, kind, character) = edit;
            var json = RepresentativeJson.Value;
            position %= json.Length;
            var edited = kind switch
            {
                0 => json.Remove(position, 1),
                1 => json.Insert(position, character.ToString()),
                _ => json.Remove(position, 1).Insert(position, character.ToString()),
            };

            var exception = Record.Exception(() => DocumentSnapshots.InvoiceFromJson(edited));

            Assert.True(exception is null or JsonException, $"Edit {edit} threw {exception}");
        });

    private static readonly Lazy<string> RepresentativeJson = new(() => DocumentSnapshots.ToJson(SnapshotSamples.InvoiceAsync("all-optional-fields").GetAwaiter().GetResult()));

    private static Gen<(int Position, int Kind, char Character)> EditGen { get; } =
        from position in Gen.Choose(0, int.MaxValue)
        from kind in Gen.Choose(0, 2)
        from character in Gen.Elements("{}[],:\"-.0123456789eEaz tfn\\".ToCharArray())
        select (position, kind, character);
}
