using System.Text.Json;
using System.Text.Json.Serialization;
using Invoicing.Core.Documents;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Tests;

[JsonSerializable(typeof(Dictionary<TenantId, InvoiceId>))]
[JsonSerializable(typeof(CustomerId))]
internal sealed partial class IdentifierJsonContext : JsonSerializerContext;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("acme-retail")]
    [InlineData("C-10042")]
    [InlineData("Ünïcode ok")]
    [InlineData("1")]
    public void From_ValidText_KeepsItExactly(string text)
    {
        Assert.Equal(text, TenantId.From(text).Value);
        Assert.True(CustomerId.TryFrom(text, out var id));
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("", "1 to 100 characters")]
    [InlineData(" acme", "white space")]
    [InlineData("acme ", "white space")]
    [InlineData("ac\u0001me", "control characters")]
    public void From_InvalidText_ThrowsNamingTypeAndValue(string text, string problem)
    {
        var exception = Assert.Throws<ArgumentException>(() => TenantId.From(text));

        Assert.Contains("TenantId", exception.Message, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
        Assert.False(TenantId.TryFrom(text, out var id));
        Assert.True(id.IsEmpty);
    }

    [Fact]
    public void From_TooLong_Throws()
        => Assert.Throws<ArgumentException>(() => InvoiceNumber.From(new string('9', 101)));

    [Fact]
    public void Equality_IsOrdinalAndCaseSensitive()
    {
        Assert.Equal(CustomerId.From("C-1"), CustomerId.From("C-1"));
        Assert.NotEqual(CustomerId.From("c-1"), CustomerId.From("C-1"));
        Assert.True(InvoiceLineId.From("1") < InvoiceLineId.From("2"));
        Assert.True(default(TenantId).IsEmpty);
        Assert.Equal(string.Empty, default(TenantId).Value);
    }

    [Fact]
    public void InvoiceIdNew_IsUnique()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => InvoiceId.New()).ToHashSet();

        Assert.Equal(1000, ids.Count);
        Assert.All(ids, id => Assert.Equal(32, id.Value.Length));
    }

    [Fact]
    public void Json_RoundTripsAsStringsAndKeys()
    {
        var map = new Dictionary<TenantId, InvoiceId> { [TenantId.From("acme")] = InvoiceId.From("inv-1") };
        var options = new JsonSerializerOptions { TypeInfoResolver = IdentifierJsonContext.Default };
        var info = options.GetTypeInfo(typeof(Dictionary<TenantId, InvoiceId>));

        var json = JsonSerializer.Serialize(map, info);

        Assert.Equal("""{"acme":"inv-1"}""", json);
        Assert.Equal(map, (Dictionary<TenantId, InvoiceId>)JsonSerializer.Deserialize(json, info)!);
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\" C-1\"", IdentifierJsonContext.Default.CustomerId));
        Assert.Contains("CustomerId", exception.Message, StringComparison.Ordinal);
    }
}
