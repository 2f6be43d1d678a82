namespace Invoicing.Core.Parties;

/// <summary>The ways a customer wants to receive invoices, named here and delivered by the host's channels.</summary>
public enum DeliveryChannelKind
{
    /// <summary>By email.</summary>
    Email = 0,

    /// <summary>Through the Peppol network (or another e-invoicing network).</summary>
    Peppol = 1,

    /// <summary>On a customer portal.</summary>
    Portal = 2,

    /// <summary>By post.</summary>
    Post = 3,

    /// <summary>By text message.</summary>
    Sms = 4,
}

/// <summary>One preferred delivery channel of a customer, with the address to use on it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DeliveryPreference
{
    /// <summary>Creates a preference.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="address">The address on that channel: an email address, a Peppol participant id, a portal account, a phone number; may be omitted for post (the postal address is used).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is undefined.</exception>
    /// <exception cref="ArgumentException"><paramref name="address"/> is missing for a channel other than post, or too long.</exception>
    public DeliveryPreference(DeliveryChannelKind channel, string? address = null)
    {
        if (!Enum.IsDefined(channel))
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "Undefined delivery channel.");
        }

        Address = TextField.Optional(address, nameof(address));
        if (Address is null && channel != DeliveryChannelKind.Post)
        {
            throw new ArgumentException($"Delivery by {channel} needs an address.", nameof(address));
        }

        Channel = channel;
    }

    /// <summary>The channel.</summary>
    public DeliveryChannelKind Channel { get; }

    /// <summary>The address on the channel, or null for post (the postal address is used).</summary>
    public string? Address { get; }
}
