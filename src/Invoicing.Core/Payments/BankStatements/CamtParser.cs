using System.Globalization;
using System.Xml;
using Invoicing.Core.Monetary;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core.Payments.BankStatements;

/// <summary>
/// The single forward pass over one camt message behind <see cref="CamtReader"/>. Each Read method
/// starts on an element's start tag and leaves the reader after its end tag.
/// </summary>
/// <remarks>Not thread-safe: one instance reads one stream once.</remarks>
internal sealed class CamtParser
{
    private const string NamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:camt.";
    private const int FirstVersion = 2;
    private const int LastVersion = 8;

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly OffsetDateTimePattern OffsetDateTimePattern = NodaTime.Text.OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalDateTimePattern LocalDateTimePattern = NodaTime.Text.LocalDateTimePattern.ExtendedIso;

    private readonly XmlReader _reader;
    private readonly IXmlLineInfo _lineInfo;
    private readonly CancellationToken _cancellationToken;
    private string _namespace = "";
    private CamtMessageKind _kind;
    private int _version;
    private int _entryCount;

    internal CamtParser(XmlReader reader, CancellationToken cancellationToken)
    {
        _reader = reader;
        _lineInfo = (IXmlLineInfo)reader;
        _cancellationToken = cancellationToken;
    }

    private (int Line, int Position) Here => (_lineInfo.LineNumber, _lineInfo.LinePosition);

    /// <summary>The place of the last node read in the prolog, or (1, 1) before any; for errors the reader reports without a place.</summary>
    internal (int Line, int Position) LastPlace { get; private set; } = (1, 1);

    /// <summary>The deepest element the reader descends into; camt messages are far shallower.</summary>
    private const int MaxDepth = 64;

    /// <summary>Where the reader is, when it knows; else <see cref="LastPlace"/>.</summary>
    internal (int Line, int Position) Place => _lineInfo.LineNumber > 0 ? Here : LastPlace;

    /// <summary>Reads the Document element and everything in it, then checks that nothing follows.</summary>
    internal async Task<IReadOnlyList<BankStatement>> ReadDocumentAsync()
    {
        while (_reader.NodeType != XmlNodeType.Element)
        {
            if (!await _reader.ReadAsync().ConfigureAwait(false))
            {
                throw Error(LastPlace, "the file has no root element.");
            }

            LastPlace = Here;
        }

        var rootAt = Here;
        DetectNamespace(rootAt);
        if (_reader.LocalName != "Document")
        {
            throw Error(rootAt, $"the root element is {_reader.LocalName}; expected Document.");
        }

        var messageName = _kind == CamtMessageKind.Statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
        IReadOnlyList<BankStatement>? statements = null;
        await ReadChildrenAsync(async (name, at) =>
        {
            if (name != messageName || statements is not null)
            {
                throw Error(at, $"Document contains {name}; expected one {messageName}.");
            }

            statements = await ReadMessageAsync(messageName, at).ConfigureAwait(false);
            return true;
        }, skipUnknown: false).ConfigureAwait(false);

        // Reading on to the end finds malformed text after the root element.
        while (await _reader.ReadAsync().ConfigureAwait(false))
        {
        }

        return statements ?? throw Error(rootAt, $"Document has no {messageName}.");
    }

    private void DetectNamespace((int Line, int Position) at)
    {
        var ns = _reader.NamespaceURI;
        if (ns.StartsWith(NamespacePrefix, StringComparison.Ordinal)
            && ns.Length == NamespacePrefix.Length + 10
            && ns.AsSpan(NamespacePrefix.Length + 3).StartsWith(".001.0", StringComparison.Ordinal)
            && ns[^1] is >= (char)('0' + FirstVersion) and <= (char)('0' + LastVersion))
        {
            var message = ns.AsSpan(NamespacePrefix.Length, 3);
            CamtMessageKind? kind = message switch
            {
                "053" => CamtMessageKind.Statement,
                "054" => CamtMessageKind.DebitCreditNotification,
                _ => null,
            };
            if (kind is { } found)
            {
                _kind = found;
                _version = ns[^1] - '0';
                _namespace = ns;
                return;
            }
        }

        throw Error(at, $"the namespace '{ns}' is not supported; expected {NamespacePrefix}053.001.0{FirstVersion} to .0{LastVersion} or {NamespacePrefix}054.001.0{FirstVersion} to .0{LastVersion}.");
    }

    private async Task<IReadOnlyList<BankStatement>> ReadMessageAsync(string messageName, (int Line, int Position) messageAt)
    {
        var itemName = _kind == CamtMessageKind.Statement ? "Stmt" : "Ntfctn";
        string? messageId = null;
        string? created = null;
        var statements = new List<BankStatement>();
        await ReadChildrenAsync(async (name, at) =>
        {
            switch (name)
            {
                case "GrpHdr":
                    (messageId, created) = await ReadGroupHeaderAsync(at).ConfigureAwait(false);
                    return true;
                case var _ when name == itemName:
                    if (messageId is null || created is null)
                    {
                        throw Error(at, $"{itemName} comes before GrpHdr.");
                    }

                    statements.Add(await ReadStatementAsync(itemName, messageId, created, at).ConfigureAwait(false));
                    return true;
                default:
                    return false;
            }
        }).ConfigureAwait(false);

        if (messageId is null)
        {
            throw Error(messageAt, $"{messageName} has no GrpHdr.");
        }

        return statements.Count > 0 ? statements.AsReadOnly() : throw Error(messageAt, $"{messageName} has no {itemName}.");
    }

    private async Task<(string MessageId, string Created)> ReadGroupHeaderAsync((int Line, int Position) headerAt)
    {
        string? messageId = null;
        string? created = null;
        await ReadChildrenAsync(async (name, at) =>
        {
            switch (name)
            {
                case "MsgId":
                    messageId = await ReadTextAsync().ConfigureAwait(false);
                    return true;
                case "CreDtTm":
                    var text = await ReadTextAsync().ConfigureAwait(false);
                    _ = ParseDateTime(text, "GrpHdr/CreDtTm", at);
                    created = text;
                    return true;
                default:
                    return false;
            }
        }).ConfigureAwait(false);

        return (messageId ?? throw Error(headerAt, "GrpHdr has no MsgId."), created ?? throw Error(headerAt, "GrpHdr has no CreDtTm."));
    }

    private async Task<BankStatement> ReadStatementAsync(string itemName, string messageId, string created, (int Line, int Position) statementAt)
    {
        string? id = null;
        (string? Iban, string? Other, Currency? Currency)? account = null;
        var entries = new List<StatementEntry>();
        await ReadChildrenAsync(async (name, at) =>
        {
            switch (name)
            {
                case "Id":
                    id = await ReadTextAsync().ConfigureAwait(false);
                    return true;
                case "Acct":
                    account = await ReadStatementAccountAsync(at).ConfigureAwait(false);
                    return true;
                case "Ntry":
                    entries.Add(await ReadEntryAsync(at).ConfigureAwait(false));
                    return true;
                default:
                    return false;
            }
        }).ConfigureAwait(false);

        var (iban, other, currency) = account ?? throw Error(statementAt, $"{itemName} has no Acct.");
        return new BankStatement
        {
            Kind = _kind,
            Version = _version,
            Namespace = _namespace,
            MessageId = messageId,
            CreationDateTime = created,
            StatementId = id ?? throw Error(statementAt, $"{itemName} has no Id."),
            AccountIban = iban,
            AccountOtherId = other,
            AccountCurrency = currency,
            Entries = entries.AsReadOnly(),
        };
    }

    private async Task<(string? Iban, string? Other, Currency? Currency)> ReadStatementAccountAsync((int Line, int Position) accountAt)
    {
        string? iban = null;
        string? other = null;
        Currency? currency = null;
        var hasId = false;
        await ReadChildrenAsync(async (name, at) =>
        {
            switch (name)
            {
                case "Id":
                    hasId = true;
                    (iban, other) = await ReadAccountIdAsync().ConfigureAwait(false);
                    return true;
                case "Ccy":
                    var code = await ReadTextAsync().ConfigureAwait(false);
                    currency = Currency.TryFromCode(code, out var found)
                        ? found
                        : throw Error(at, $"Acct/Ccy '{code}' is not an active ISO 4217 currency code.");
                    return true;
                default:
                    return false;
            }
        }).ConfigureAwait(false);

        return hasId ? (iban, other, currency) : throw Error(accountAt, "Acct has no Id.");
    }

    /// <summary>Reads an account Id: IBAN, or Othr/Id.</summary>
    private async Task<(string? Iban, string? Other)> ReadAccountIdAsync()
    {
        string? iban = null;
        string? other = null;
        await ReadChildrenAsync(async (name, _) =>
        {
            switch (name)
            {
                case "IBAN":
                    iban = await ReadTextAsync().ConfigureAwait(false);
                    return true;
                case "Othr":
                    other = await ReadOnlyChildAsync<string?>("Id", _ => ReadTextAsync()!).ConfigureAwait(false);
                    return true;
                default:
                    return false;
            }
        }).ConfigureAwait(false);

        return (iban, other);
    }

    private async Task<StatementEntry> ReadEntryAsync((int Line, int Position) entryAt)
    {
        var position = ++_entryCount;
        string? reference = null;
        string? servicerReference = null;
        Money? amount = null;
        CreditDebit? side = null;
        var reversal = false;
        string? status = null;
        LocalDate? booking = null;
        LocalDate? value = null;
        string? code = null;
        string? proprietaryCode = null;
        string? info = null;
        var details = new List<TransactionDraft>();
        await ReadChildrenAsync(async (name, at) =>
        {
            switch (name)
            {
                case "NtryRef":
                    reference = await ReadTextAsync().ConfigureAwait(false);
                    return true;
                case "Amt":
                    amount = await ReadAmountAsync("Ntry/Amt", at).ConfigureAwait(false);
                    return true;
                case "CdtDbtInd":
                    side = await ReadCreditDebitAsync(at).ConfigureAwait(false);
                    return true;
                case "RvslInd":
                    reversal = await ReadBooleanAsync("RvslInd", at).ConfigureAwait(false);
                    return true;
                case "Sts":
                    status = await ReadCodeOrChoiceAsync("Sts", at).ConfigureAwait(false);
                    return true;
                case "BookgDt":
                    booking = await ReadDateAsync("BookgDt", at).ConfigureAwait(false);
                    return true;
                case "ValDt":
                    value = await ReadDateAsync("ValDt", at).ConfigureAwait(false);
                    return true;
                case "AcctSvcrRef":
                    servicerReference = await ReadTextAsync().ConfigureAwait(false);
                    return true;
                case "BkTxCd":
                    (code, proprietaryCode) = await ReadBankTransactionCodeAsync().ConfigureAwait(false);
                    return true;
                case "NtryDtls":
                    await ReadChildrenAsync(async (inner, innerAt) =>
                    {
                        if (inner != "TxDtls")
                        {
                            return false;
                        }

                        details.Add(await ReadTransactionAsync(innerAt).ConfigureAwait(false));
                        return true;
                    }).ConfigureAwait(false);
                    return true;
                case "AddtlNtryInf":
                    info = await ReadTextAsync().ConfigureAwait(false);
                    return true;
                default:
                    return false;
            }
        }).ConfigureAwait(false);

        var entryAmount = amount ?? throw Error(entryAt, "Ntry has no Amt.");
        var transactions = details
            .Select(d => d.ToTransaction(d.Amount ?? (details.Count == 1 ? entryAmount : null)))
            .ToArray();
        return new StatementEntry
        {
            Position = position,
            LineNumber = entryAt.Line,
            EntryReference = reference,
            AccountServicerReference = servicerReference,
            Amount = entryAmount,
            CreditDebit = side ?? throw Error(entryAt, "Ntry has no CdtDbtInd."),
            IsReversal = reversal,
            Status = status ?? throw Error(entryAt, "Ntry has no Sts."),
            BookingDate = booking,
            ValueDate = value,
            BankTransactionCode = code,
            ProprietaryBankTransactionCode = proprietaryCode,
            AdditionalInformation = info,
            Transactions = Array.AsReadOnly(transactions),
        };
    }

    private async Task<(string? Code, string? Proprietary)> ReadBankTransactionCodeAsync()
    {
        string? domain = null;
        string? family = null;
        string? subFamily = null;
        string? proprietary = null;
        await ReadChildrenAsync(async (name, _) =>
        {
            switch (name)
            {
                case "Domn":
                    await ReadChildrenAsync(async (inner, _) =>
                    {
                        switch (inner)
                        {
                            case "Cd":
                                domain = await ReadTextAsync().ConfigureAwait(false);
                                return true;
                            case "Fmly":
                                await ReadChildrenAsync(async (leaf, _) =>
                                {
                                    switch (leaf)
                                    {
                                        case "Cd":
                                            family = await ReadTextAsync().ConfigureAwait(false);
                                            return true;
                                        case "SubFmlyCd":
                                            subFamily = await ReadTextAsync().ConfigureAwait(false);
                                            return true;
                                        default:
                                            return false;
                                    }
                                }).ConfigureAwait(false);
                                return true;
                            default:
                                return false;
                        }
                    }).ConfigureAwait(false);
                    return true;
                case "Prtry":
                    proprietary = await ReadOnlyChildAsync<string?>("Cd", _ => ReadTextAsync()!).ConfigureAwait(false);
                    return true;
                default:
                    return false;
            }
        }).ConfigureAwait(false);

        var code = domain is null ? null : string.Join('/', new[] { domain, family, subFamily }.OfType<string>());
        return (code, proprietary);
    }

    private async Task<TransactionDraft> ReadTransactionAsync((int Line, int Position) transactionAt)
    {
        var draft = new TransactionDraft();
        Money? detailsAmount = null;
        await ReadChildrenAsync(async (name, at) =>
        {
            switch (name)
            {
                case "Refs":
                    await ReadChildrenAsync(async (inner, _) =>
                    {
                        switch (inner)
                        {
                            case "EndToEndId":
                                draft.EndToEndId = await ReadTextAsync().ConfigureAwait(false);
                                return true;
                            case "AcctSvcrRef":
                                draft.AccountServicerReference = await ReadTextAsync().ConfigureAwait(false);
                                return true;
                            default:
                                return false;
                        }
                    }).ConfigureAwait(false);
                    return true;
                case "Amt":
                    draft.Amount = await ReadAmountAsync("TxDtls/Amt", at).ConfigureAwait(false);
                    return true;
                case "AmtDtls":
                    detailsAmount = await ReadAmountDetailsAsync().ConfigureAwait(false);
                    return true;
                case "RltdPties":
                    await ReadRelatedPartiesAsync(draft).ConfigureAwait(false);
                    return true;
                case "RmtInf":
                    await ReadRemittanceAsync(draft).ConfigureAwait(false);
                    return true;
                case "AddtlTxInf":
                    draft.AdditionalInformation = await ReadTextAsync().ConfigureAwait(false);
                    return true;
                default:
                    return false;
            }
        }).ConfigureAwait(false);

        draft.Amount ??= detailsAmount;
        _ = transactionAt;
        return draft;
    }

    /// <summary>Reads AmtDtls and returns TxAmt/Amt, or null when it has none.</summary>
    private Task<Money?> ReadAmountDetailsAsync()
        => ReadOnlyChildAsync("TxAmt", _ => ReadOnlyChildAsync<Money?>("Amt", async at => await ReadAmountAsync("AmtDtls/TxAmt/Amt", at).ConfigureAwait(false)));

    private async Task ReadRelatedPartiesAsync(TransactionDraft draft)
    {
        await ReadChildrenAsync(async (name, _) =>
        {
            switch (name)
            {
                case "Dbtr":
                    draft.DebtorName = await ReadPartyNameAsync().ConfigureAwait(false);
                    return true;
                case "DbtrAcct":
                    draft.DebtorIban = await ReadAccountIbanAsync().ConfigureAwait(false);
                    return true;
                case "UltmtDbtr":
                    draft.UltimateDebtorName = await ReadPartyNameAsync().ConfigureAwait(false);
                    return true;
                case "Cdtr":
                    draft.CreditorName = await ReadPartyNameAsync().ConfigureAwait(false);
                    return true;
                case "CdtrAcct":
                    draft.CreditorIban = await ReadAccountIbanAsync().ConfigureAwait(false);
                    return true;
                default:
                    return false;
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Reads a party's Nm, directly (up to .001.07: PartyIdentification) or under one Pty (.001.08: Party40Choice); a Pty inside a Pty is skipped.</summary>
    private async Task<string?> ReadPartyNameAsync(bool allowParty = true)
    {
        string? partyName = null;
        await ReadChildrenAsync(async (name, _) =>
        {
            switch (name)
            {
                case "Nm":
                    partyName = await ReadTextAsync().ConfigureAwait(false);
                    return true;
                case "Pty" when allowParty:
                    partyName = await ReadPartyNameAsync(allowParty: false).ConfigureAwait(false);
                    return true;
                default:
                    return false;
            }
        }).ConfigureAwait(false);

        return partyName;
    }

    /// <summary>Reads a cash account's Id/IBAN.</summary>
    private Task<string?> ReadAccountIbanAsync()
        => ReadOnlyChildAsync("Id", async _ => (await ReadAccountIdAsync().ConfigureAwait(false)).Iban);

    private async Task ReadRemittanceAsync(TransactionDraft draft)
    {
        await ReadChildrenAsync(async (name, _) =>
        {
            switch (name)
            {
                case "Ustrd":
                    draft.RemittanceLines.Add(await ReadTextAsync().ConfigureAwait(false));
                    return true;
                case "Strd":
                    await ReadChildrenAsync(async (inner, _) =>
                    {
                        if (inner != "CdtrRefInf")
                        {
                            return false;
                        }

                        var (type, reference) = await ReadCreditorReferenceAsync().ConfigureAwait(false);
                        if (draft.CreditorReference is null && reference is not null)
                        {
                            draft.CreditorReference = reference;
                            draft.CreditorReferenceType = type;
                        }

                        return true;
                    }).ConfigureAwait(false);
                    return true;
                default:
                    return false;
            }
        }).ConfigureAwait(false);
    }

    private async Task<(string? Type, string? Reference)> ReadCreditorReferenceAsync()
    {
        string? type = null;
        string? reference = null;
        await ReadChildrenAsync(async (name, _) =>
        {
            switch (name)
            {
                case "Ref":
                    reference = await ReadTextAsync().ConfigureAwait(false);
                    return true;
                case "Tp":
                    type = await ReadOnlyChildAsync("CdOrPrtry", at => ReadCodeOrChoiceAsync("CdOrPrtry", at)).ConfigureAwait(false);
                    return true;
                default:
                    return false;
            }
        }).ConfigureAwait(false);

        return (type, reference);
    }

    private async Task<Money> ReadAmountAsync(string path, (int Line, int Position) at)
    {
        var code = _reader.GetAttribute("Ccy");
        var text = await ReadTextAsync().ConfigureAwait(false);
        if (code is null)
        {
            throw Error(at, $"{path} '{text}' has no Ccy attribute.");
        }

        if (!Currency.TryFromCode(code, out var currency))
        {
            throw Error(at, $"{path} has Ccy '{code}', which is not an active ISO 4217 currency code.");
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? Money.Of(amount, currency)
            : throw Error(at, $"{path} '{text}' is not an amount (digits with an optional decimal point, never negative).");
    }

    private async Task<CreditDebit> ReadCreditDebitAsync((int Line, int Position) at)
    {
        var text = await ReadTextAsync().ConfigureAwait(false);
        return text switch
        {
            "CRDT" => CreditDebit.Credit,
            "DBIT" => CreditDebit.Debit,
            _ => throw Error(at, $"CdtDbtInd '{text}' is neither CRDT nor DBIT."),
        };
    }

    private async Task<bool> ReadBooleanAsync(string path, (int Line, int Position) at)
    {
        var text = await ReadTextAsync().ConfigureAwait(false);
        return text switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw Error(at, $"{path} '{text}' is not a boolean (true, false, 1 or 0)."),
        };
    }

    /// <summary>Reads a date choice (Dt or DtTm); a DtTm gives the date as written, whatever its offset.</summary>
    private async Task<LocalDate> ReadDateAsync(string path, (int Line, int Position) dateAt)
    {
        LocalDate? date = null;
        await ReadChildrenAsync(async (name, at) =>
        {
            switch (name)
            {
                case "Dt":
                    var text = await ReadTextAsync().ConfigureAwait(false);
                    var parsed = DatePattern.Parse(text);
                    date = parsed.Success ? parsed.Value : throw Error(at, $"{path}/Dt '{text}' is not a date (yyyy-MM-dd).");
                    return true;
                case "DtTm":
                    date = ParseDateTime(await ReadTextAsync().ConfigureAwait(false), $"{path}/DtTm", at).Date;
                    return true;
                default:
                    return false;
            }
        }).ConfigureAwait(false);

        return date ?? throw Error(dateAt, $"{path} has neither Dt nor DtTm.");
    }

    /// <summary>Parses an ISO date and time with or without offset and returns the local date and time as written.</summary>
    private static LocalDateTime ParseDateTime(string text, string path, (int Line, int Position) at)
    {
        var withOffset = OffsetDateTimePattern.Parse(text);
        if (withOffset.Success)
        {
            return withOffset.Value.LocalDateTime;
        }

        var local = LocalDateTimePattern.Parse(text);
        return local.Success
            ? local.Value
            : throw Error(at, $"{path} '{text}' is not an ISO 8601 date and time (yyyy-MM-ddTHH:mm:ss with optional fraction and offset).");
    }

    /// <summary>
    /// Reads a code that is either the element's text (Sts up to .001.07) or a choice of Cd or Prtry
    /// inside it (Sts from .001.08 on, CdOrPrtry).
    /// </summary>
    private async Task<string> ReadCodeOrChoiceAsync(string path, (int Line, int Position) at)
    {
        string? code = null;
        if (!_reader.IsEmptyElement)
        {
            await _reader.ReadAsync().ConfigureAwait(false);
            while (true)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var node = await _reader.MoveToContentAsync().ConfigureAwait(false);
                if (node == XmlNodeType.EndElement)
                {
                    break;
                }

                if (node is XmlNodeType.Text or XmlNodeType.CDATA)
                {
                    code = _reader.Value.Trim();
                    await _reader.ReadAsync().ConfigureAwait(false);
                }
                else if (node == XmlNodeType.Element && _reader.NamespaceURI == _namespace && _reader.LocalName is "Cd" or "Prtry")
                {
                    code = await ReadTextAsync().ConfigureAwait(false);
                }
                else
                {
                    await _reader.SkipAsync().ConfigureAwait(false);
                }
            }
        }

        await _reader.ReadAsync().ConfigureAwait(false);
        return string.IsNullOrEmpty(code) ? throw Error(at, $"{path} has no code.") : code;
    }

    /// <summary>Reads a text-only element and returns its trimmed content; empty content is an error.</summary>
    private async Task<string> ReadTextAsync()
    {
        var at = Here;
        var name = _reader.LocalName;
        var text = (await _reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim();
        return text.Length > 0 ? text : throw Error(at, $"{name} is empty.");
    }

    /// <summary>Reads the current element's children: the one named <paramref name="child"/> with <paramref name="read"/>, the others skipped; the value read, or <c>default</c> when there is none.</summary>
    private async Task<T> ReadOnlyChildAsync<T>(string child, Func<(int Line, int Position), Task<T>> read)
    {
        T value = default!;
        await ReadChildrenAsync(async (name, at) =>
        {
            if (name != child)
            {
                return false;
            }

            value = await read(at).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        return value;
    }

    /// <summary>
    /// Visits the child elements of the current element. The handler gets each child's local name
    /// and place; it returns true when it has read the whole child, false to have it skipped.
    /// Children from other namespaces are skipped unless <paramref name="skipUnknown"/> is false,
    /// in which case every child goes to the handler. Text between children is an error.
    /// </summary>
    private async Task ReadChildrenAsync(Func<string, (int Line, int Position), Task<bool>> handler, bool skipUnknown = true)
    {
        var parent = _reader.LocalName;
        if (_reader.Depth > MaxDepth)
        {
            throw Error(Here, $"{parent} is nested {_reader.Depth} levels deep; camt messages need no more than {MaxDepth}.");
        }

        if (_reader.IsEmptyElement)
        {
            await _reader.ReadAsync().ConfigureAwait(false);
            return;
        }

        await _reader.ReadAsync().ConfigureAwait(false);
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var node = await _reader.MoveToContentAsync().ConfigureAwait(false);
            switch (node)
            {
                case XmlNodeType.EndElement:
                    await _reader.ReadAsync().ConfigureAwait(false);
                    return;
                case XmlNodeType.Element:
                    var at = Here;
                    if (_reader.NamespaceURI != _namespace)
                    {
                        if (!skipUnknown)
                        {
                            throw Error(at, $"{parent} contains {_reader.Name} from namespace '{_reader.NamespaceURI}'; expected '{_namespace}'.");
                        }

                        await _reader.SkipAsync().ConfigureAwait(false);
                    }
                    else if (!await handler(_reader.LocalName, at).ConfigureAwait(false))
                    {
                        await _reader.SkipAsync().ConfigureAwait(false);
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    throw Error(Here, $"{parent} contains text '{Shorten(_reader.Value)}'; expected only elements.");
                case XmlNodeType.None:
                    // End of input inside an element: the reader reports it as an XmlException first.
                    throw Error(Here, $"the file ends inside {parent}.");
                default:
                    await _reader.ReadAsync().ConfigureAwait(false);
                    break;
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text.Trim() : string.Concat(text.AsSpan(0, 40).Trim(), "...");

    private static BankStatementFormatException Error((int Line, int Position) at, string problem)
        => new(problem, at.Line, at.Position);

    /// <summary>A transaction's values while its TxDtls is being read.</summary>
    private sealed class TransactionDraft
    {
        public Money? Amount { get; set; }

        public string? AccountServicerReference { get; set; }

        public string? EndToEndId { get; set; }

        public string? DebtorName { get; set; }

        public string? DebtorIban { get; set; }

        public string? UltimateDebtorName { get; set; }

        public string? CreditorName { get; set; }

        public string? CreditorIban { get; set; }

        public List<string> RemittanceLines { get; } = [];

        public string? CreditorReference { get; set; }

        public string? CreditorReferenceType { get; set; }

        public string? AdditionalInformation { get; set; }

        public EntryTransaction ToTransaction(Money? amount) => new()
        {
            Amount = amount,
            AccountServicerReference = AccountServicerReference,
            EndToEndId = EndToEndId,
            DebtorName = DebtorName,
            DebtorIban = DebtorIban,
            UltimateDebtorName = UltimateDebtorName,
            CreditorName = CreditorName,
            CreditorIban = CreditorIban,
            RemittanceLines = RemittanceLines.Count == 0 ? [] : RemittanceLines.ToArray().AsReadOnly(),
            CreditorReference = CreditorReference,
            CreditorReferenceType = CreditorReferenceType,
            AdditionalInformation = AdditionalInformation,
        };
    }
}
