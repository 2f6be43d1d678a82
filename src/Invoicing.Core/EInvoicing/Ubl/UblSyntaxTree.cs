using System.Text;
using System.Xml;

namespace Invoicing.Core.EInvoicing.Ubl;

/// <summary>The namespace of a UBL element, as the syntax rules tell them apart.</summary>
internal enum UblNamespace : byte
{
    /// <summary>Any other namespace (extensions, signatures).</summary>
    Other,

    /// <summary>The Invoice or CreditNote root namespace.</summary>
    Document,

    /// <summary>Aggregate components (<c>cac</c>).</summary>
    Cac,

    /// <summary>Basic components (<c>cbc</c>).</summary>
    Cbc,
}

/// <summary>
/// One element of a UBL document as the syntax rules (UBL-SR-*, UBL-DT-*, UBL-CR-*) see it: its name,
/// its children, its text (for elements without children) and the attributes the rules read.
/// </summary>
internal sealed class UblNode
{
    private UblNode? _firstChild;
    private UblNode? _lastChild;
    private UblNode? _nextSibling;

    public UblNode(string name, UblNamespace ns, UblNode? parent)
    {
        Name = name;
        Namespace = ns;
        Parent = parent;
    }

    /// <summary>The local name.</summary>
    public string Name { get; }

    public UblNamespace Namespace { get; }

    public UblNode? Parent { get; }

    /// <summary>True for an element of the UBL namespaces (the rules' paths name <c>cac:</c> and <c>cbc:</c> elements only).</summary>
    public bool IsUbl => Namespace != UblNamespace.Other;

    /// <summary>The text as written (XPath's string value, untrimmed), empty for an empty element; null for an element with children or a binary object.</summary>
    public string? Text { get; set; }

    /// <summary>The <c>schemeID</c> attribute, or null.</summary>
    public string? SchemeId { get; set; }

    /// <summary>True when the element has a <c>name</c> attribute.</summary>
    public bool HasNameAttribute { get; set; }

    /// <summary>True when the element has a <c>mimeCode</c> attribute.</summary>
    public bool HasMimeCode { get; set; }

    /// <summary>True when the element has a <c>filename</c> attribute.</summary>
    public bool HasFileName { get; set; }

    /// <summary>True when the element has child elements.</summary>
    public bool HasChildren => _firstChild is not null;

    /// <summary>Appends a child (children are a linked list: no list per element).</summary>
    public void Add(UblNode child)
    {
        if (_lastChild is null)
        {
            _firstChild = child;
        }
        else
        {
            _lastChild._nextSibling = child;
        }

        _lastChild = child;
    }

    /// <summary>The children named <paramref name="name"/>.</summary>
    public IEnumerable<UblNode> All(string name)
    {
        for (var child = _firstChild; child is not null; child = child._nextSibling)
        {
            if (child.Name == name && child.IsUbl)
            {
                yield return child;
            }
        }
    }

    /// <summary>The first child named <paramref name="name"/>, or null.</summary>
    public UblNode? Child(string name)
    {
        for (var child = _firstChild; child is not null; child = child._nextSibling)
        {
            if (child.Name == name && child.IsUbl)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>The elements reached by following <paramref name="path"/> through every matching child (XPath <c>a/b/c</c>).</summary>
    public List<UblNode> Descendants(params ReadOnlySpan<string> path)
    {
        var found = new List<UblNode>();
        Follow(this, path, 0, found);
        return found;
    }

    /// <summary>XPath <c>count(a/b/c)</c> from this element; allocates nothing (the path is a span).</summary>
    public int Count(params ReadOnlySpan<string> path) => CountFrom(this, path, 0);

    /// <summary>True when this element is named <paramref name="name"/> and its parent is named <paramref name="parent"/>.</summary>
    public bool Is(string name, string parent) => Name == name && Parent?.Name == parent;

    /// <summary>True when an ancestor is named <paramref name="name"/> and its parent <paramref name="parent"/>.</summary>
    public bool IsWithin(string name, string parent)
    {
        for (var node = Parent; node is not null; node = node.Parent)
        {
            if (node.Is(name, parent))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The element path, prefixed as UBL writes it, with a 1-based index where a name repeats (<c>/Invoice/cac:InvoiceLine[2]/cbc:Note</c>).</summary>
    public string ElementPath()
    {
        var nodes = new List<UblNode>();
        for (var node = this; node is not null; node = node.Parent)
        {
            nodes.Add(node);
        }

        var path = new StringBuilder();
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            var node = nodes[i];
            path.Append('/').Append(node.Namespace switch { UblNamespace.Cac => "cac:", UblNamespace.Cbc => "cbc:", _ => string.Empty }).Append(node.Name);
            if (node.Parent is { } parent)
            {
                int index = 0, count = 0;
                foreach (var sibling in parent.All(node.Name))
                {
                    count++;
                    if (ReferenceEquals(sibling, node))
                    {
                        index = count;
                    }
                }

                if (count > 1)
                {
                    path.Append('[').Append(index).Append(']');
                }
            }
        }

        return path.ToString();
    }

    private static void Follow(UblNode node, ReadOnlySpan<string> path, int step, List<UblNode> found)
    {
        if (step == path.Length)
        {
            found.Add(node);
            return;
        }

        for (var child = node._firstChild; child is not null; child = child._nextSibling)
        {
            if (child.Name == path[step] && child.IsUbl)
            {
                Follow(child, path, step + 1, found);
            }
        }
    }

    private static int CountFrom(UblNode node, ReadOnlySpan<string> path, int step)
    {
        if (step == path.Length)
        {
            return 1;
        }

        var count = 0;
        for (var child = node._firstChild; child is not null; child = child._nextSibling)
        {
            if (child.Name == path[step] && child.IsUbl)
            {
                count += CountFrom(child, path, step + 1);
            }
        }

        return count;
    }
}

/// <summary>
/// The element tree of a UBL document, kept by the reader for the syntax rules, with the element
/// populations the rules read gathered as the tree is built (so no rule walks the whole tree).
/// </summary>
internal sealed class UblSyntaxTree
{
    /// <summary>The attributes the binding says should not be present (UBL-DT-08 ... UBL-DT-28 but UBL-DT-18), by name.</summary>
    public static readonly IReadOnlyList<string> DiscouragedAttributes =
    [
        "schemeName", "schemeAgencyName", "schemeDataURI", "schemeURI", "format", "unitCodeListIdentifier",
        "unitCodeListAgencyIdentifier", "unitCodeListAgencyName", "listAgencyName", "listName", "languageID",
        "listURI", "listSchemeURI", "languageLocaleID", "uri", "currencyCodeListVersionID", "characterSetCode",
        "encodingCode", "schemeAgencyID", "listAgencyID",
    ];

    private readonly Dictionary<string, UblNode> _discouraged = new(StringComparer.Ordinal);

    public UblSyntaxTree(UblNode root) => Root = root;

    public UblNode Root { get; }

    public bool IsCreditNote => Root.Name == "CreditNote";

    /// <summary>Elements named *Amount (UBL-DT-01's population before its exclusions).</summary>
    public List<UblNode> Amounts { get; } = [];

    /// <summary>Elements named *BinaryObject.</summary>
    public List<UblNode> BinaryObjects { get; } = [];

    public List<UblNode> PostalAddresses { get; } = [];

    public List<UblNode> AdditionalDocumentReferences { get; } = [];

    public List<UblNode> AllowanceCharges { get; } = [];

    public List<UblNode> BillingReferences { get; } = [];

    public List<UblNode> Deliveries { get; } = [];

    public List<UblNode> Lines { get; } = [];

    public List<UblNode> PartyIdentifiers { get; } = [];

    public List<UblNode> PartyTaxSchemes { get; } = [];

    public List<UblNode> Payees { get; } = [];

    public List<UblNode> PaymentMeans { get; } = [];

    public List<UblNode> PaymentIds { get; } = [];

    public List<UblNode> PaymentMeansCodes { get; } = [];

    public List<UblNode> SupplierParties { get; } = [];

    public List<UblNode> TaxRepresentatives { get; } = [];

    public List<UblNode> TaxSubtotals { get; } = [];

    /// <summary>How many <c>name</c> attributes the document has (UBL-DT-18).</summary>
    public int NameAttributes { get; set; }

    /// <summary>The first element carrying <paramref name="attribute"/>, or null (UBL-DT-08 ... UBL-DT-28).</summary>
    public UblNode? FirstWith(string attribute) => _discouraged.GetValueOrDefault(attribute);

    internal void Saw(string attribute, UblNode node) => _discouraged.TryAdd(attribute, node);
}

/// <summary>Builds a <see cref="UblSyntaxTree"/> from the parser's walk: an element is entered, may get text, and is left.</summary>
internal sealed class UblSyntaxTreeBuilder
{
    private static readonly HashSet<string> Discouraged = new(UblSyntaxTree.DiscouragedAttributes, StringComparer.Ordinal);

    private UblSyntaxTree? _tree;
    private UblNode? _current;

    public UblSyntaxTree Tree => _tree ?? throw new InvalidOperationException("No element was entered.");

    /// <summary>The element entered last and not yet left, or null before the root.</summary>
    public UblNode? Current => _current;

    /// <summary>Enters the element the reader is on; its attributes are read and the reader is left on the element.</summary>
    public void Enter(XmlReader reader)
    {
        var node = new UblNode(reader.LocalName, NamespaceOf(reader.NamespaceURI), _current);
        if (_current is null)
        {
            _tree = new UblSyntaxTree(node);
        }
        else
        {
            _current.Add(node);
        }

        _current = node;
        if (reader.HasAttributes)
        {
            Attributes(reader, node);
        }

        Classify(node);
    }

    /// <summary>Gives the current element its text.</summary>
    public void Text(string text)
    {
        if (_current is not null)
        {
            _current.Text = _current.Text is null ? text : _current.Text + text;
        }
    }

    /// <summary>True when the current element's text is kept (not for binary objects, which are megabytes of base64 the rules never read).</summary>
    public bool KeepsText => _current is not null && !_current.Name.EndsWith("BinaryObject", StringComparison.Ordinal);

    /// <summary>Leaves the current element.</summary>
    public void Leave()
    {
        if (_current is { } node)
        {
            if (node.Text is null && !node.HasChildren && KeepsText)
            {
                node.Text = string.Empty;
            }

            if (node.Name.EndsWith("Amount", StringComparison.Ordinal))
            {
                Tree.Amounts.Add(node);
            }

            _current = node.Parent;
        }
    }

    private static UblNamespace NamespaceOf(string uri) => uri switch
    {
        UblReader.CacNamespace => UblNamespace.Cac,
        UblReader.CbcNamespace => UblNamespace.Cbc,
        UblReader.InvoiceNamespace or UblReader.CreditNoteNamespace => UblNamespace.Document,
        _ => UblNamespace.Other,
    };

    private void Attributes(XmlReader reader, UblNode node)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (reader.NamespaceURI.Length > 0)
            {
                continue; // xmlns declarations and qualified attributes are not UBL's
            }

            switch (reader.LocalName)
            {
                case "schemeID": node.SchemeId = reader.Value; break;
                case "name":
                    node.HasNameAttribute = true;
                    Tree.NameAttributes++;
                    break;
                case "mimeCode": node.HasMimeCode = true; break;
                case "filename": node.HasFileName = true; break;
                case "currencyID" or "unitCode" or "listID" or "schemeVersionID" or "unitCodeListID": break; // the common ones, no lookup
                case var other when Discouraged.Contains(other): Tree.Saw(other, node); break;
            }
        }

        reader.MoveToElement();
    }

    private void Classify(UblNode node)
    {
        var tree = Tree;
        if (!node.IsUbl)
        {
            if (node.Name.EndsWith("BinaryObject", StringComparison.Ordinal))
            {
                tree.BinaryObjects.Add(node); // //*[ends-with(name(), 'BinaryObject')]: any namespace
            }

            return;
        }

        switch (node.Name)
        {
            case "PostalAddress" or "Address": tree.PostalAddresses.Add(node); break;
            case "AdditionalDocumentReference": tree.AdditionalDocumentReferences.Add(node); break;
            case "AllowanceCharge": tree.AllowanceCharges.Add(node); break;
            case "BillingReference": tree.BillingReferences.Add(node); break;
            case "Delivery": tree.Deliveries.Add(node); break;
            case "InvoiceLine" or "CreditNoteLine": tree.Lines.Add(node); break;
            case "ID" when node.Parent?.Name == "PartyIdentification": tree.PartyIdentifiers.Add(node); break;
            case "PartyTaxScheme": tree.PartyTaxSchemes.Add(node); break;
            case "PayeeParty": tree.Payees.Add(node); break;
            case "PaymentMeans": tree.PaymentMeans.Add(node); break;
            case "PaymentID": tree.PaymentIds.Add(node); break;
            case "PaymentMeansCode": tree.PaymentMeansCodes.Add(node); break;
            case "Party" when node.Parent?.Name == "AccountingSupplierParty": tree.SupplierParties.Add(node); break;
            case "TaxRepresentativeParty": tree.TaxRepresentatives.Add(node); break;
            case "TaxSubtotal": tree.TaxSubtotals.Add(node); break;
            case var name when name.EndsWith("BinaryObject", StringComparison.Ordinal): tree.BinaryObjects.Add(node); break;
        }
    }
}
