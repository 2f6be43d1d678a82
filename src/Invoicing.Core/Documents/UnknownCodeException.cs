namespace Invoicing.Core.Documents;

/// <summary>
/// Thrown when a code is not in the code list a value type accepts: UN/ECE Recommendation 20/21
/// for <see cref="UnitCode"/>, UNCL 5189 for <see cref="AllowanceReasonCode"/>, UNCL 7161 for
/// <see cref="ChargeReasonCode"/>, each as the EN 16931 code lists have them.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class UnknownCodeException : ArgumentException
{
    /// <summary>Creates the exception for a code that was not found in the named list.</summary>
    /// <param name="code">The code as given.</param>
    /// <param name="codeList">The list's short name, for example "UN/ECE Rec 20/21".</param>
    /// <param name="meaning">What the list's codes denote, for the message, for example "unit of measure".</param>
    public UnknownCodeException(string code, string codeList, string meaning)
        : this(code, codeList, meaning, nameof(code))
    {
    }

    /// <summary>Creates the exception for a code that was not found in the named list, given in the named argument.</summary>
    /// <param name="code">The code as given.</param>
    /// <param name="codeList">The list's short name, for example "UN/ECE Rec 20/21".</param>
    /// <param name="meaning">What the list's codes denote, for the message, for example "unit of measure".</param>
    /// <param name="paramName">The argument that held the code.</param>
    public UnknownCodeException(string code, string codeList, string meaning, string? paramName)
        : base($"'{code}' is not a code of {codeList} ({meaning}).", paramName)
    {
        Code = code;
        CodeList = codeList;
    }

    /// <summary>The code that was not found, exactly as given.</summary>
    public string Code { get; }

    /// <summary>The short name of the code list that was searched: "UN/ECE Rec 20/21", "UNCL 5189" or "UNCL 7161".</summary>
    public string CodeList { get; }
}
