using System.Globalization;
using System.Text;
using System.Xml;

namespace Invoicing.Core.EInvoicing.Cii;

/// <summary>
/// One element of a CII document as the reader keeps it: name, attributes, text, children and the
/// place it started. A light tree built by one forward <see cref="XmlReader"/> pass (no DOM); the
/// mapping to the model walks it. Each read builds its own on one thread; once the read result is returned, the tree
/// is only read (by <see cref="EInvoiceReadResult.ElementPath"/>, whose <see cref="Path"/> memo is an idempotent race).
/// </summary>
internal sealed class CiiNode
{
    private CiiNode? _firstChild;
    private CiiNode? _lastChild;
    private List<KeyValuePair<string, string>>? _attributes;
    private string? _text;
    private StringBuilder? _pieces;
    private bool _trimmed;
    private string? _path;

    public CiiNode(string namespaceUri, string localName, CiiNode? parent, int line, int position)
    {
        NamespaceUri = namespaceUri;
        LocalName = localName;
        Parent = parent;
        Line = line;
        Position = position;
    }

    public string NamespaceUri { get; }

    public string LocalName { get; }

    public CiiNode? Parent { get; }

    public int Line { get; }

    public int Position { get; }

    /// <summary>
    /// The element's own text without leading and trailing white space, or null when none is left (an
    /// empty element reads as absent). Trimmed as the UBL reader trims, so that the same invoice reads
    /// to the same model from either syntax (an indented <c>ram:Content</c> keeps no line break and indentation at its ends).
    /// </summary>
    /// <remarks>Trimmed once, on first access (the text is complete by then: the tree is built before it is read).</remarks>
    public string? Text
    {
        get
        {
            if (!_trimmed)
            {
                var raw = _pieces?.ToString() ?? _text;
                _pieces = null;
                _text = raw?.Trim() is { Length: > 0 } text ? text : null;
                _trimmed = true;
            }

            return _text;
        }
    }

    /// <summary>The first child element, or null; the others follow through <see cref="NextSibling"/>.</summary>
    public CiiNode? FirstChild => _firstChild;

    /// <summary>The next element with the same parent, or null.</summary>
    public CiiNode? NextSibling { get; private set; }

    /// <summary>The canonical name: the usual CII prefix (rsm, ram, udt, qdt) and the local name.</summary>
    public string QualifiedName => CiiNames.Prefix(NamespaceUri) is { } prefix ? prefix + ":" + LocalName : LocalName;

    /// <summary>The absolute element path, with a 1-based index where the parent has several elements of this name.</summary>
    public string Path => _path ??= BuildPath();

    /// <summary>Appends a child (children are a linked list: no list or array per element).</summary>
    public void AddChild(CiiNode child)
    {
        if (_lastChild is null)
        {
            _firstChild = child;
        }
        else
        {
            _lastChild.NextSibling = child;
        }

        _lastChild = child;
    }

    public void AddAttribute(string name, string value) => (_attributes ??= []).Add(new(name, value));

    /// <summary>
    /// Adds a text node's value. An element's text is almost always one node, kept as it is; pieces split by
    /// comments or CDATA sections gather in a builder, so that many of them cost linear time.
    /// </summary>
    public void AppendText(string text)
    {
        _trimmed = false;
        if (_pieces is not null)
        {
            _pieces.Append(text);
        }
        else if (_text is null)
        {
            _text = text;
        }
        else
        {
            _pieces = new StringBuilder(_text).Append(text);
            _text = null;
        }
    }

    public string? Attribute(string name)
    {
        if (_attributes is null)
        {
            return null;
        }

        foreach (var (key, value) in _attributes)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    public CiiNode? Child(string localName, string namespaceUri = CiiNames.Ram)
    {
        for (var child = _firstChild; child is not null; child = child.NextSibling)
        {
            if (child.LocalName == localName && child.NamespaceUri == namespaceUri)
            {
                return child;
            }
        }

        return null;
    }

    public IEnumerable<CiiNode> All(string localName, string namespaceUri = CiiNames.Ram)
    {
        for (var child = _firstChild; child is not null; child = child.NextSibling)
        {
            if (child.LocalName == localName && child.NamespaceUri == namespaceUri)
            {
                yield return child;
            }
        }
    }

    /// <summary>Follows a chain of ram child names; null as soon as one is missing.</summary>
    public CiiNode? Find(params ReadOnlySpan<string> localNames)
    {
        var node = this;
        foreach (var name in localNames)
        {
            node = node.Child(name);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private string BuildPath()
    {
        if (Parent is null)
        {
            return "/" + QualifiedName;
        }

        int index = 0, count = 0;
        for (var sibling = Parent._firstChild; sibling is not null; sibling = sibling.NextSibling)
        {
            if (sibling.LocalName == LocalName && sibling.NamespaceUri == NamespaceUri)
            {
                count++;
                if (ReferenceEquals(sibling, this))
                {
                    index = count;
                }
            }
        }

        return count > 1
            ? string.Create(CultureInfo.InvariantCulture, $"{Parent.Path}/{QualifiedName}[{index}]")
            : Parent.Path + "/" + QualifiedName;
    }
}

/// <summary>The CII D16B namespaces and their usual prefixes.</summary>
internal static class CiiNames
{
    public const string Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    public const string Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    public const string Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    public const string Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

    public static string? Prefix(string namespaceUri) => namespaceUri switch
    {
        Rsm => "rsm",
        Ram => "ram",
        Udt => "udt",
        Qdt => "qdt",
        _ => null,
    };
}

/// <summary>Builds the <see cref="CiiNode"/> tree from the nodes an <see cref="XmlReader"/> reports, one at a time.</summary>
internal sealed class CiiTreeBuilder
{
    private readonly List<string> _currencies = [];
    private readonly HashSet<string> _seenCurrencies = new(StringComparer.Ordinal);
    private CiiNode? _current;

    public CiiNode? Root { get; private set; }

    /// <summary>How many elements the tree holds.</summary>
    public int Elements { get; private set; }

    /// <summary>The currencyID attributes met, distinct, in document order.</summary>
    public IReadOnlyList<string> Currencies => _currencies;

    public void Handle(XmlReader reader)
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.Element:
                var info = (IXmlLineInfo)reader;
                if (_current is null && Root is not null)
                {
                    throw EInvoiceXml.Error(reader, "the document has more than one root element.");
                }

                if (_current is null && (reader.LocalName != "CrossIndustryInvoice" || reader.NamespaceURI != CiiNames.Rsm))
                {
                    throw EInvoiceXml.Error(reader, string.Create(CultureInfo.InvariantCulture,
                        $"the root element is '{reader.Name}' in namespace '{reader.NamespaceURI}', not rsm:CrossIndustryInvoice ({CiiNames.Rsm})."));
                }

                var node = new CiiNode(reader.NamespaceURI, reader.LocalName, _current, info.LineNumber, info.LinePosition);
                Elements++;
                if (reader.MoveToFirstAttribute())
                {
                    do
                    {
                        if (reader.NamespaceURI.Length == 0)
                        {
                            node.AddAttribute(reader.LocalName, reader.Value);
                            if (reader.LocalName == "currencyID" && _seenCurrencies.Add(reader.Value))
                            {
                                _currencies.Add(reader.Value);
                            }
                        }
                    }
                    while (reader.MoveToNextAttribute());
                    reader.MoveToElement();
                }

                if (_current is null)
                {
                    Root = node;
                }
                else
                {
                    _current.AddChild(node);
                }

                if (!reader.IsEmptyElement)
                {
                    _current = node;
                }

                break;
            case XmlNodeType.EndElement:
                _current = _current?.Parent;
                break;
            case XmlNodeType.Text when _current?.LocalName == "AttachmentBinaryObject":
                _current.AppendText(EInvoiceXml.ReadValueInChunks(reader)); // megabytes of base64, read without growing the reader's buffer
                break;
            case XmlNodeType.Text:
            case XmlNodeType.CDATA:
            case XmlNodeType.SignificantWhitespace:
                _current?.AppendText(reader.Value);
                break;
        }
    }
}
