namespace Invoicing.Core.Monetary;

/// <summary>
/// The data behind a <see cref="Currency"/>. ISO 4217 definitions are singletons (see
/// <see cref="Iso4217"/>), so two ISO currencies are equal exactly when their definitions are the
/// same object; custom definitions are compared by value. Immutable and thread-safe.
/// </summary>
internal sealed class CurrencyDefinition
{
    internal CurrencyDefinition(string code, int numericCode, int? minorUnits, string name, bool isCustom)
    {
        Code = code;
        NumericCode = numericCode;
        MinorUnits = minorUnits;
        Name = name;
        IsCustom = isCustom;
        CodeHash = StringComparer.Ordinal.GetHashCode(code);
    }

    internal string Code { get; }

    internal int NumericCode { get; }

    /// <summary>Digits after the decimal point, or null where ISO 4217 says "N.A." (metals, XDR, XXX...).</summary>
    internal int? MinorUnits { get; }

    internal string Name { get; }

    internal bool IsCustom { get; }

    internal int CodeHash { get; }

    /// <summary>The currency definition behind <c>default(Currency)</c>: ISO 4217 "XXX", no currency.</summary>
    internal static CurrencyDefinition NoCurrency => Iso4217.Xxx;

    internal bool SameAs(CurrencyDefinition other)
        => ReferenceEquals(this, other)
           || (IsCustom && other.IsCustom && MinorUnits == other.MinorUnits
               && string.Equals(Code, other.Code, StringComparison.Ordinal));
}
