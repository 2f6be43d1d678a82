using NodaTime;

namespace Invoicing.Core.Parties;

/// <summary>
/// A tax exemption a customer holds, such as a resale certificate or a diplomatic exemption: what it
/// covers, the legal reason, and when it is valid. The Tax area decides how it applies.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TaxExemption
{
    /// <summary>Creates an exemption.</summary>
    /// <param name="certificate">The certificate or reference number.</param>
    /// <param name="jurisdiction">Where it applies: an ISO country code, optionally with a subdivision ("US-NY").</param>
    /// <param name="reasonCode">The exemption reason code (a VATEX code where one exists), or null.</param>
    /// <param name="reason">The exemption reason as text, or null.</param>
    /// <param name="validFrom">The first day it is valid, or null for "already valid".</param>
    /// <param name="validUntil">The last day it is valid, or null for "until revoked".</param>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> or <paramref name="jurisdiction"/> is null.</exception>
    /// <exception cref="ArgumentException">A text is blank or too long, neither reason nor code is given, or the validity ends before it starts.</exception>
    public TaxExemption(string certificate, string jurisdiction, string? reasonCode, string? reason, LocalDate? validFrom = null, LocalDate? validUntil = null)
    {
        Certificate = TextField.Required(certificate, nameof(certificate), 100);
        Jurisdiction = TextField.Required(jurisdiction, nameof(jurisdiction), 20);
        ReasonCode = TextField.Optional(reasonCode, nameof(reasonCode), 50);
        Reason = TextField.Optional(reason, nameof(reason));
        if (ReasonCode is null && Reason is null)
        {
            throw new ArgumentException($"Tax exemption '{Certificate}' needs a reason code or a reason.", nameof(reasonCode));
        }

        if (validFrom is LocalDate from && validUntil is LocalDate until && until < from)
        {
            throw new ArgumentException($"Tax exemption '{Certificate}' ends ({until:uuuu-MM-dd}) before it starts ({from:uuuu-MM-dd}).", nameof(validUntil));
        }

        ValidFrom = validFrom;
        ValidUntil = validUntil;
    }

    /// <summary>The certificate or reference number.</summary>
    public string Certificate { get; }

    /// <summary>Where it applies: "DE", "US-NY".</summary>
    public string Jurisdiction { get; }

    /// <summary>The reason code, or null.</summary>
    public string? ReasonCode { get; }

    /// <summary>The reason text, or null.</summary>
    public string? Reason { get; }

    /// <summary>The first valid day, or null.</summary>
    public LocalDate? ValidFrom { get; }

    /// <summary>The last valid day, or null.</summary>
    public LocalDate? ValidUntil { get; }

    /// <summary>Returns whether the exemption is valid on a date.</summary>
    /// <param name="date">The date, for example the tax point of a supply.</param>
    /// <returns>True when <paramref name="date"/> is within the validity.</returns>
    public bool IsValidOn(LocalDate date) => (ValidFrom is not LocalDate from || date >= from) && (ValidUntil is not LocalDate until || date <= until);
}
