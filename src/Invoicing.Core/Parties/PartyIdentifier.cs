namespace Invoicing.Core.Parties;

/// <summary>
/// An identifier of a party with an optional scheme: a legal registration (BT-30, BT-47, for example
/// a trade register number), a party identifier (BT-29, BT-46) or a tax registration other than VAT
/// (BT-32, for example a German Steuernummer).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record PartyIdentifier
{
    /// <summary>Creates an identifier.</summary>
    /// <param name="value">The identifier.</param>
    /// <param name="schemeId">Its scheme (an ISO 6523 ICD code such as "0002", or a local name), or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is blank, or a value is too long.</exception>
    public PartyIdentifier(string value, string? schemeId = null)
    {
        Value = TextField.Required(value, nameof(value), 100);
        SchemeId = TextField.Optional(schemeId, nameof(schemeId), 50);
    }

    /// <summary>The identifier.</summary>
    public string Value { get; }

    /// <summary>The scheme, or null.</summary>
    public string? SchemeId { get; }

    /// <summary>Returns "0002:123456789" or the bare value.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => SchemeId is null ? Value : $"{SchemeId}:{Value}";
}
