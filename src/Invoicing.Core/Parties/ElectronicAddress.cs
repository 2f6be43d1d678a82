namespace Invoicing.Core.Parties;

/// <summary>
/// Where a party receives electronic invoices (BT-34 seller, BT-49 buyer): an identifier and its
/// scheme from the EAS code list, for example scheme "0088" (GLN) or "9930" (German VAT number) or
/// "EM" (email).
/// </summary>
/// <remarks>Immutable and thread-safe. Whether the scheme is in the EAS code list is checked by the EN 16931 validator (BR-CL-25), not here.</remarks>
public sealed record ElectronicAddress
{
    /// <summary>Creates an electronic address.</summary>
    /// <param name="schemeId">The scheme (BT-34-1, BT-49-1), such as "0088".</param>
    /// <param name="value">The address.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An argument is blank or too long.</exception>
    public ElectronicAddress(string schemeId, string value)
    {
        SchemeId = TextField.Required(schemeId, nameof(schemeId), 10);
        Value = TextField.Required(value, nameof(value), 300);
    }

    /// <summary>The scheme (EAS code).</summary>
    public string SchemeId { get; }

    /// <summary>The address within the scheme.</summary>
    public string Value { get; }

    /// <summary>Returns "0088:4012345000009".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{SchemeId}:{Value}";
}
