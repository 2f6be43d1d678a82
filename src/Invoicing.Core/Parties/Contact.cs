namespace Invoicing.Core.Parties;

/// <summary>A contact point of a party (BG-6 seller contact, BG-9 buyer contact), or a billing contact of a customer account.</summary>
/// <remarks>Immutable and thread-safe; update with <c>with</c>. Text is trimmed, blank becomes null; an email, when given, must contain one '@' with text on both sides.</remarks>
public sealed record Contact
{
    private readonly string? _name;
    private readonly string? _phone;
    private readonly string? _email;

    /// <summary>The contact's name or department (BT-41, BT-56).</summary>
    /// <exception cref="ArgumentException">Longer than 300 characters.</exception>
    public string? Name { get => _name; init => _name = TextField.Optional(value, nameof(Name)); }

    /// <summary>The telephone number (BT-42, BT-57).</summary>
    /// <exception cref="ArgumentException">Longer than 100 characters.</exception>
    public string? Phone { get => _phone; init => _phone = TextField.Optional(value, nameof(Phone), 100); }

    /// <summary>The email address (BT-43, BT-58).</summary>
    /// <exception cref="ArgumentException">Longer than 254 characters or not an address of the form local@domain.</exception>
    public string? Email
    {
        get => _email;
        init
        {
            var email = TextField.Optional(value, nameof(Email), 254);
            var at = email?.IndexOf('@', StringComparison.Ordinal) ?? 0;
            if (email is not null && (at <= 0 || at == email.Length - 1 || email.IndexOf('@', at + 1) >= 0 || email.Any(char.IsWhiteSpace)))
            {
                throw new ArgumentException($"'{email}' is not an email address.", nameof(Email));
            }

            _email = email;
        }
    }
}
