using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Invoicing.Core.Tests;

/// <summary>
/// Runs every test under Turkish culture: a decimal comma and the dotted/dotless i catch code that
/// silently depends on the current culture (formatting, parsing, upper-casing codes).
/// </summary>
internal static class TestCulture
{
    internal static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "Test assembly: sets the ambient culture before any test runs.")]
    internal static void Initialize()
    {
        CultureInfo.DefaultThreadCurrentCulture = Turkish;
        CultureInfo.DefaultThreadCurrentUICulture = Turkish;
        CultureInfo.CurrentCulture = Turkish;
        CultureInfo.CurrentUICulture = Turkish;
    }
}
