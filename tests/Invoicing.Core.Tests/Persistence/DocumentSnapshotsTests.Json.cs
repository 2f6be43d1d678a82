using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Invoicing.Core.Persistence;
using Snapshooter.Xunit;

namespace Invoicing.Core.Tests.Persistence;

public sealed partial class DocumentSnapshotsTests
{
    [Fact]
    public async Task ToJson_IssuedInvoice_MatchesSnapshot()
    {
        var invoice = await SnapshotSamples.RepresentativeAsync();

        Snapshot.Match(Indented(DocumentSnapshots.ToJson(invoice)));
    }

    [Fact]
    public void ToJson_CustomerAccount_MatchesSnapshot()
        => Snapshot.Match(Indented(DocumentSnapshots.ToJson(SnapshotSamples.FullAccount())));

    /// <summary>Re-indents compact JSON for a readable snapshot (the library writes it compact, with the default escaping of "+" and non-ASCII letters).</summary>
    private static string Indented(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
