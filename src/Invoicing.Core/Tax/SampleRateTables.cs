namespace Invoicing.Core.Tax;

/// <summary>
/// Sample rate tables shipped in the package for tests, demos and as examples of the format
/// (docs/tax-rate-tables.md): United States (a few states and cities), Canada (every province and
/// territory), India (a few states, a few GST slabs), Australia and New Zealand.
/// </summary>
/// <remarks>
/// <para><b>Samples, not maintained production rates.</b> They were checked against public
/// sources in early 2026 (listed in each table's <see cref="RateTable.Sources"/> and in the docs)
/// and are not updated when rates change. Production hosts load their own tables, or use a tax
/// service.</para>
/// <para>Each table is read on first use from an embedded resource, once; thread-safe.</para>
/// </remarks>
public static class SampleRateTables
{
    private static readonly Lazy<RateTable> LazyUnitedStates = new(() => Read("UnitedStates"));
    private static readonly Lazy<RateTable> LazyCanada = new(() => Read("Canada"));
    private static readonly Lazy<RateTable> LazyIndia = new(() => Read("India"));
    private static readonly Lazy<RateTable> LazyAustralia = new(() => Read("Australia"));
    private static readonly Lazy<RateTable> LazyNewZealand = new(() => Read("NewZealand"));

    /// <summary>US sales tax (sample): CA (Los Angeles), NY (New York City), TX (Austin), WA (Seattle), PA (Philadelphia, Allegheny County), and DE, MT, NH, OR without sales tax; classes "standard", "food", "clothing".</summary>
    public static RateTable UnitedStates => LazyUnitedStates.Value;

    /// <summary>Canada GST/HST/PST/QST (sample): every province and territory; classes "standard", "food".</summary>
    public static RateTable Canada => LazyCanada.Value;

    /// <summary>India GST (sample): CGST + SGST or IGST for a few states, slabs before and after 22 September 2025; classes "standard", "services", "essential", "reduced", "durables", "demerit", "food".</summary>
    public static RateTable India => LazyIndia.Value;

    /// <summary>Australia GST 10 % (sample); basic food GST-free; classes "standard", "services", "food".</summary>
    public static RateTable Australia => LazyAustralia.Value;

    /// <summary>New Zealand GST 15 % (12.5 % before 1 October 2010) (sample); classes "standard", "services", "food".</summary>
    public static RateTable NewZealand => LazyNewZealand.Value;

    private static RateTable Read(string name)
    {
        var resource = $"Invoicing.Core.Tax.SampleTables.{name}.json";
        using var stream = typeof(SampleRateTables).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The sample rate table resource '{resource}' is missing from the assembly.");
        return RateTable.Load(stream);
    }
}
