using System.Text.Json;
using Invoicing.Core.Tax;

namespace Invoicing.Core.Tests.Tax;

// Review items 5 and 6: a bounded read and a bounded cache.
public sealed partial class RateTableTests
{
    [Fact]
    public void Load_StreamLongerThan16MiB_ThrowsNamingTheLimit()
    {
        using var stream = new EndlessWhitespaceStream();

        var exception = Assert.Throws<JsonException>(() => RateTable.Load(stream));

        Assert.Contains("16777216 bytes", exception.Message, StringComparison.Ordinal);
        Assert.Equal("$", exception.Path);
        Assert.InRange(stream.Position, 16 * 1024 * 1024 + 1, 16 * 1024 * 1024 + 1);
    }

    [Fact]
    public void Load_StreamReturningFewBytesAtATime_ReadsTheTable()
    {
        var json = """{"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"NZ","jurisdictions":[{"country":"NZ","components":[{"name":"GST","jurisdiction":"NZ","rate":15}]}]}"""u8.ToArray();
        var padded = new byte[40_000];
        json.CopyTo(padded, 0);
        Array.Fill(padded, (byte)' ', json.Length, padded.Length - json.Length);
        using var stream = new TrickleStream(padded);

        Assert.Equal("NZ", RateTable.Load(stream).Name);
    }

    [Fact]
    public void DecideAsync_ManyDistinctCities_SharesOneCachedResult()
    {
        // The cache is keyed on matched row ids, class, period and origin case, never on the host's text.
        var first = Sync(Provider.DecideAsync(Supply(Us("PA") with { County = "Dauphin", City = "City 0" }, "standard")));
        for (var i = 1; i < 500; i++)
        {
            Assert.Same(first, Sync(Provider.DecideAsync(Supply(Us("PA") with { County = "Dauphin", City = $"City {i}", PostCode = $"{i:D5}" }, "standard"))));
        }
    }

    [Fact]
    public void DecideAsync_PhiladelphiaRepeated_DoesNotAllocate()
    {
        var context = Supply(Us("PA") with { County = "Philadelphia", City = "Philadelphia" }, "standard");
        for (var i = 0; i < 100; i++)
        {
            _ = Sync(Provider.DecideAsync(context));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            _ = Sync(Provider.DecideAsync(context));
        }

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 999);
    }

    /// <summary>Spaces forever, without holding them.</summary>
    private sealed class EndlessWhitespaceStream : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            buffer.Fill((byte)' ');
            _position += buffer.Length;
            return buffer.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A memory stream that returns at most 7 bytes per read.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 7));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 7)]);
    }
}
