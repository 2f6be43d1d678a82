using System.Globalization;
using System.Text;
using System.Xml;

namespace Invoicing.Core.EInvoicing;

/// <summary>
/// What the UBL and CII writers share: the output settings, and writing a document first into memory,
/// so that a document that cannot be written leaves nothing half-written in the caller's stream.
/// </summary>
internal static class EInvoiceXmlOutput
{
    /// <summary>Writes with <paramref name="write"/> into memory, then copies to <paramref name="stream"/> and flushes it.</summary>
    public static void Write(Stream stream, Action<XmlWriter> write)
    {
        using var buffer = Build(stream, write);
        buffer.WriteTo(stream);
        stream.Flush();
    }

    /// <summary>Writes with <paramref name="write"/> into memory, then copies to <paramref name="stream"/> asynchronously and flushes it.</summary>
    public static async ValueTask WriteAsync(Stream stream, Action<XmlWriter> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var buffer = Build(stream, write);
        await buffer.WriteToAsync(stream, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refuses a null or unwritable stream (the public writers call it before anything else, so that their async forms throw it at once too).</summary>
    public static void CheckWritable(Stream stream, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(stream))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(stream, name);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written.", name);
        }
    }

    private static PooledBuffer Build(Stream stream, Action<XmlWriter> write)
    {
        CheckWritable(stream);
        var buffer = new PooledBuffer();
        try
        {
            var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), Indent = true, CloseOutput = false };
            using (var writer = new TextCheckingXmlWriter(XmlWriter.Create(buffer, settings)))
            {
                write(writer);
            }

            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A write-only stream that keeps what is written in blocks rented from the shared array pool, then writes them
    /// on: a document of any size costs no large-object allocation (a MemoryStream doubles one array, which past
    /// 85,000 bytes lives on the large object heap, and every full one is a step towards a full collection).
    /// </summary>
    private sealed class PooledBuffer : Stream
    {
        private const int BlockSize = 64 * 1024;
        private readonly List<byte[]> _blocks = [];
        private int _used = BlockSize; // bytes used in the last block; "full" before the first

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (!buffer.IsEmpty)
            {
                if (_used == BlockSize)
                {
                    _blocks.Add(System.Buffers.ArrayPool<byte>.Shared.Rent(BlockSize));
                    _used = 0;
                }

                var count = Math.Min(buffer.Length, BlockSize - _used);
                buffer[..count].CopyTo(_blocks[^1].AsSpan(_used));
                _used += count;
                buffer = buffer[count..];
            }
        }

        public override void WriteByte(byte value) => Write([value]);

        /// <summary>Writes the bytes kept to <paramref name="target"/>.</summary>
        public void WriteTo(Stream target)
        {
            for (var i = 0; i < _blocks.Count; i++)
            {
                target.Write(_blocks[i], 0, i == _blocks.Count - 1 ? _used : BlockSize);
            }
        }

        /// <summary>Writes the bytes kept to <paramref name="target"/> asynchronously.</summary>
        public async ValueTask WriteToAsync(Stream target, CancellationToken cancellationToken)
        {
            for (var i = 0; i < _blocks.Count; i++)
            {
                await target.WriteAsync(_blocks[i].AsMemory(0, i == _blocks.Count - 1 ? _used : BlockSize), cancellationToken).ConfigureAwait(false);
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            foreach (var block in _blocks)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(block, clearArray: true); // invoice data does not linger in the shared pool
            }

            _blocks.Clear();
            _used = BlockSize;
            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// Passes everything to an XmlWriter, keeping the element (and attribute) being written, so that a text
    /// XML 1.0 cannot carry is refused with a message that names where it was and what it is. Synchronous only:
    /// the writers build in memory, and XmlWriter's async members are not forwarded.
    /// </summary>
    private sealed class TextCheckingXmlWriter(XmlWriter inner) : XmlWriter
    {
        private readonly Stack<(string? Prefix, string LocalName)> _elements = new();
        private string? _attribute;

        public override WriteState WriteState => inner.WriteState;

        public override XmlWriterSettings? Settings => inner.Settings;

        public override void Flush() => inner.Flush();

        public override void Close() => inner.Close();

        public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

        public override void WriteStartElement(string? prefix, string localName, string? ns)
        {
            _attribute = null;
            inner.WriteStartElement(prefix, localName, ns);
            _elements.Push((prefix, localName)); // names are joined only for a message
        }

        public override void WriteEndElement()
        {
            inner.WriteEndElement();
            _elements.TryPop(out _);
        }

        public override void WriteFullEndElement()
        {
            inner.WriteFullEndElement();
            _elements.TryPop(out _);
        }

        public override void WriteStartAttribute(string? prefix, string localName, string? ns)
        {
            inner.WriteStartAttribute(prefix, localName, ns);
            _attribute = localName;
        }

        public override void WriteEndAttribute()
        {
            inner.WriteEndAttribute();
            _attribute = null;
        }

        public override void WriteString(string? text)
        {
            try
            {
                inner.WriteString(text); // the hot path: no closure
            }
            catch (ArgumentException e)
            {
                throw Refused(text ?? string.Empty, e);
            }
        }

        private void Checked(string? text, Action write)
        {
            try
            {
                write();
            }
            catch (ArgumentException e)
            {
                throw Refused(text ?? string.Empty, e);
            }
        }

        public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);

        public override void WriteCData(string? text) => Checked(text, () => inner.WriteCData(text));

        public override void WriteCharEntity(char ch) => inner.WriteCharEntity(ch);

        public override void WriteChars(char[] buffer, int index, int count) => Checked(new string(buffer, index, count), () => inner.WriteChars(buffer, index, count));

        public override void WriteComment(string? text) => Checked(text, () => inner.WriteComment(text));

        public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);

        public override void WriteEndDocument() => inner.WriteEndDocument();

        public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);

        public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, text);

        public override void WriteRaw(char[] buffer, int index, int count) => inner.WriteRaw(buffer, index, count);

        public override void WriteRaw(string data) => inner.WriteRaw(data);

        public override void WriteStartDocument() => inner.WriteStartDocument();

        public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);

        public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);

        public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private ArgumentException Refused(string text, ArgumentException cause)
        {
            var at = 0;
            while (at < text.Length && IsAllowed(text, at))
            {
                at += char.IsHighSurrogate(text[at]) ? 2 : 1;
            }

            var where = string.Join('/', _elements.Reverse().Select(e => string.IsNullOrEmpty(e.Prefix) ? e.LocalName : e.Prefix + ":" + e.LocalName))
                + (_attribute is null ? string.Empty : "/@" + _attribute);
            var character = at < text.Length ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)text[at]:X4} at position {at + 1} (counted in UTF-16 code units)") : "a character";
            var shown = text.Length > 60 ? text[..60] + "..." : text;
#pragma warning disable CA2208 // the parameter named is the public writers' document, whose text this is
            return new ArgumentException(
                $"The text of {where} holds {character}, which XML 1.0 cannot carry (a control character other than tab, line feed and carriage return, U+FFFE, U+FFFF, or an unpaired surrogate): \"{Escape(shown)}\". Remove it from the document before writing.",
                "document",
                cause);
#pragma warning restore CA2208
        }

        private static bool IsAllowed(string text, int at)
        {
            var c = text[at];
            if (char.IsHighSurrogate(c))
            {
                return at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]);
            }

            return !char.IsLowSurrogate(c) && XmlConvert.IsXmlChar(c);
        }

        private static string Escape(string text)
        {
            var escaped = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (char.IsControl(c) || char.IsSurrogate(c))
                {
                    escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                }
                else
                {
                    escaped.Append(c);
                }
            }

            return escaped.ToString();
        }
    }
}
