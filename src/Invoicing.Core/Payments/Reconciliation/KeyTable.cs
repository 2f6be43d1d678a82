using System.Buffers;
using System.Numerics;

namespace Invoicing.Core.Payments.Reconciliation;

/// <summary>
/// A read-only multimap from 64-bit keys to item positions, built in one go from a list of pairs: the pairs are
/// partitioned by the top bits of their key into runs of at most about a thousand (one counting pass, one scatter),
/// and each run is sorted by key, so that the whole table is sorted by key (as unsigned numbers). A lookup finds a
/// small slice from a directory indexed by the key's top bits (about four keys a slice) and binary-searches it.
/// </summary>
/// <remarks>
/// <para>Why not a dictionary: a hash table's inserts land at random places in a table that outgrows the processor's
/// caches as it grows, so a million inserts cost more than ten times a hundred thousand. Here every pass reads and
/// writes memory in order (the scatter writes into a few thousand runs at once, a span the caches hold), and each
/// run is sorted while it is in the cache: building costs about the same per pair at any size. Keys must be well
/// mixed (a hash, or <see cref="Mix"/> of a small number): their top bits choose the run and the slice.</para>
/// <para>The arrays come from <see cref="ArrayPool{T}.Shared"/>, so that a run every morning does not allocate a
/// hundred megabytes of large objects anew (each such allocation brings the next full garbage collection nearer);
/// <see cref="Release"/> gives them back, after which the table must not be used.</para>
/// </remarks>
internal sealed class KeyTable
{
    /// <summary>Runs hold up to twice this many pairs when the keys are evenly spread.</summary>
    private const int RunLength = 512;

    /// <summary>Directory slices hold up to twice this many keys when the keys are evenly spread.</summary>
    private const int SliceLength = 4;

    /// <summary>Filter bits per key: a key that is not in the table is turned away by one bit about seven times in eight.</summary>
    private const int FilterBitsPerKey = 8;

    private long[] _keys;
    private int[] _positions;
    private int[] _slices; // slice s holds _keys[_slices[s].._slices[s + 1]]
    private ulong[] _filter; // bit (key mod its size) is set for every key in the table
    private readonly int _count;
    private readonly int _shift;
    private readonly ulong _filterMask;

    private KeyTable(long[] keys, int[] positions, int count, int[] slices, int shift, ulong[] filter, ulong filterMask)
    {
        _keys = keys;
        _positions = positions;
        _count = count;
        _slices = slices;
        _shift = shift;
        _filter = filter;
        _filterMask = filterMask;
    }

    /// <summary>How many pairs the table holds.</summary>
    internal int Count => _count;

    /// <summary>The keys in table order: sorted (as unsigned numbers), so equal keys are next to each other.</summary>
    internal ReadOnlySpan<long> Keys => _keys.AsSpan(0, _count);

    /// <summary>The positions, in the order of <see cref="Keys"/>.</summary>
    internal ReadOnlySpan<int> Positions => _positions.AsSpan(0, _count);

    /// <summary>The positions stored under <paramref name="key"/>, in no particular order (the same for the same input).</summary>
    internal Matches Find(long key)
    {
        // Most lookups of a remittance text's words are for keys that are not there: a bit in a table an eighth the size
        // of the keys (which the caches hold better) says so without touching the keys.
        var bit = (ulong)key & _filterMask;
        if ((_filter[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
        {
            return default;
        }

        var slice = (int)((ulong)key >> _shift);
        int low = _slices[slice], high = _slices[slice + 1];
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (_keys[middle] < key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return new Matches(this, key, low);
    }

    /// <summary>Gives the arrays back to the pool; the table must not be used after.</summary>
    internal void Release()
    {
        if (_slices.Length == 0)
        {
            return;
        }

        ArrayPool<long>.Shared.Return(_keys);
        ArrayPool<int>.Shared.Return(_positions);
        ArrayPool<int>.Shared.Return(_slices);
        ArrayPool<ulong>.Shared.Return(_filter);
        (_keys, _positions, _slices, _filter) = ([], [], [], []);
    }

    /// <summary>
    /// A bijective mix of a 64-bit number (the SplitMix64 finaliser): distinct numbers stay distinct, and numbers that
    /// differ in their low bits only (ordinals) spread over the top bits. Keying by the mix of a number is exact.
    /// </summary>
    internal static long Mix(long value)
    {
        var z = (ulong)value;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (long)(z ^ (z >> 31));
    }

    /// <summary>The positions stored under one key; <c>default</c> is empty.</summary>
    internal readonly struct Matches(KeyTable? table, long key, int start)
    {
        /// <summary>Enumerates the positions.</summary>
        public Enumerator GetEnumerator() => new(table, key, start);

        /// <summary>The enumerator of <see cref="Matches"/>.</summary>
        internal struct Enumerator(KeyTable? table, long key, int start)
        {
            private int _index = start - 1;

            /// <summary>The current position.</summary>
            public readonly int Current => table!._positions[_index];

            /// <summary>Moves to the next position under the key.</summary>
            public bool MoveNext()
            {
                if (table is null)
                {
                    return false;
                }

                _index++;
                return _index < table._count && table._keys[_index] == key;
            }
        }
    }

    /// <summary>Collects pairs (into pooled arrays), then builds the table once; not thread-safe, one builder per thread.</summary>
    /// <param name="capacity">How many pairs to expect; more are accepted.</param>
    internal sealed class Builder(int capacity)
    {
        private long[] _keys = ArrayPool<long>.Shared.Rent(Math.Max(capacity, 16));
        private int[] _positions = ArrayPool<int>.Shared.Rent(Math.Max(capacity, 16));
        private int _count;

        /// <summary>Adds a pair.</summary>
        internal void Add(long key, int position)
        {
            if (_count == _keys.Length)
            {
                Grow();
            }

            _keys[_count] = key;
            _positions[_count] = position;
            _count++;
        }

        /// <summary>Builds the table and returns the builder's arrays to the pool; the builder cannot be used after.</summary>
        internal KeyTable Build()
        {
            var count = _count;
            var bits = Math.Clamp(BitOperations.Log2((uint)Math.Max(count / RunLength, 1)) + 1, 1, 24);
            var shift = 64 - bits;
            var runStarts = new int[(1 << bits) + 1];
            var keys = _keys.AsSpan(0, count);
            foreach (var key in keys)
            {
                runStarts[(int)((ulong)key >> shift) + 1]++;
            }

            for (var r = 1; r < runStarts.Length; r++)
            {
                runStarts[r] += runStarts[r - 1];
            }

            // Scatter in input order, so each run holds its pairs in input order before it is sorted (a deterministic result).
            var sortedKeys = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
            var sortedPositions = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
            var next = ArrayPool<int>.Shared.Rent(runStarts.Length - 1);
            runStarts.AsSpan(0, runStarts.Length - 1).CopyTo(next);
            for (var i = 0; i < count; i++)
            {
                var key = keys[i];
                var at = next[(int)((ulong)key >> shift)]++;
                sortedKeys[at] = key;
                sortedPositions[at] = _positions[i];
            }

            ArrayPool<int>.Shared.Return(next);
            ArrayPool<long>.Shared.Return(_keys);
            ArrayPool<int>.Shared.Return(_positions);
            _keys = [];
            _positions = [];
            var longest = 0;
            for (var r = 0; r + 1 < runStarts.Length; r++)
            {
                longest = Math.Max(longest, runStarts[r + 1] - runStarts[r]);
            }

            SortRuns(sortedKeys, sortedPositions, runStarts, shift - DigitBits);
            var sorted = sortedKeys.AsSpan(0, count);
            var (slices, sliceShift) = Slices(sorted);
            var (filter, filterMask) = Filter(sorted);
            return new KeyTable(sortedKeys, sortedPositions, count, slices, sliceShift, filter, filterMask);
        }

        /// <summary>Sorts each run in turn (see <see cref="SortRun"/>), with one spare buffer as long as the longest run.</summary>
        private static void SortRuns(long[] keys, int[] positions, int[] runStarts, int digitShift)
        {
            var longest = 0;
            for (var r = 0; r + 1 < runStarts.Length; r++)
            {
                longest = Math.Max(longest, runStarts[r + 1] - runStarts[r]);
            }

            var spareKeys = ArrayPool<long>.Shared.Rent(longest);
            var sparePositions = ArrayPool<int>.Shared.Rent(longest);
            Span<int> digits = stackalloc int[Digits + 1];
            for (var r = 0; r + 1 < runStarts.Length; r++)
            {
                int start = runStarts[r], length = runStarts[r + 1] - start;
                SortRun(keys.AsSpan(start, length), positions.AsSpan(start, length), digitShift, spareKeys, sparePositions, digits);
            }

            ArrayPool<long>.Shared.Return(spareKeys);
            ArrayPool<int>.Shared.Return(sparePositions);
        }

        /// <summary>The directory of sorted keys: slice s starts at the first key whose top bits are s or more.</summary>
        private static (int[] Slices, int Shift) Slices(ReadOnlySpan<long> sorted)
        {
            var bits = Math.Clamp(BitOperations.Log2((uint)Math.Max(sorted.Length / SliceLength, 1)) + 1, 1, 28);
            var shift = 64 - bits;
            var slices = ArrayPool<int>.Shared.Rent((1 << bits) + 1);
            var slice = 0;
            for (var k = 0; k < sorted.Length; k++)
            {
                var top = (int)((ulong)sorted[k] >> shift);
                while (slice <= top)
                {
                    slices[slice++] = k;
                }
            }

            slices.AsSpan(slice, (1 << bits) + 1 - slice).Fill(sorted.Length);
            return (slices, shift);
        }

        /// <summary>The filter: a power of two of bits, at least eight per key (64 at the least), set at each key's low bits.</summary>
        private static (ulong[] Filter, ulong Mask) Filter(ReadOnlySpan<long> keys)
        {
            var bits = Math.Max(64UL, BitOperations.RoundUpToPowerOf2((ulong)keys.Length * FilterBitsPerKey));
            var filter = ArrayPool<ulong>.Shared.Rent((int)(bits / 64));
            filter.AsSpan(0, (int)(bits / 64)).Clear();
            var mask = bits - 1;
            foreach (var key in keys)
            {
                var bit = (ulong)key & mask;
                filter[bit >> 6] |= 1UL << (int)(bit & 63);
            }

            return (filter, mask);
        }

        private const int DigitBits = 8;
        private const int Digits = 1 << DigitBits;
        private const int InsertionSortUpTo = 24;

        /// <summary>
        /// Sorts one run (its keys share their top bits) while it is in the cache: a counting sort on the next
        /// <see cref="DigitBits"/> bits of the key (below <paramref name="digitShift"/>), then each small bucket by insertion;
        /// a bucket larger than a few dozen (one key many times, or keys alike in many bits) by the framework's sort.
        /// </summary>
        private static void SortRun(Span<long> keys, Span<int> positions, int digitShift, long[] spareKeys, int[] sparePositions, Span<int> digits)
        {
            if (keys.Length <= InsertionSortUpTo)
            {
                InsertionSort(keys, positions);
                return;
            }

            digits.Clear();
            foreach (var key in keys)
            {
                digits[Digit(key, digitShift) + 1]++;
            }

            for (var d = 1; d < digits.Length; d++)
            {
                digits[d] += digits[d - 1];
            }

            for (var i = 0; i < keys.Length; i++)
            {
                var at = digits[Digit(keys[i], digitShift)]++;
                spareKeys[at] = keys[i];
                sparePositions[at] = positions[i];
            }

            // Each digit's counter now stands at the end of its bucket.
            spareKeys.AsSpan(0, keys.Length).CopyTo(keys);
            sparePositions.AsSpan(0, keys.Length).CopyTo(positions);
            var bucketStart = 0;
            for (var d = 0; d < Digits; d++)
            {
                var bucketEnd = digits[d];
                var bucket = keys[bucketStart..bucketEnd];
                if (bucket.Length > InsertionSortUpTo)
                {
                    bucket.Sort(positions[bucketStart..bucketEnd]);
                }
                else if (bucket.Length > 1)
                {
                    InsertionSort(bucket, positions[bucketStart..bucketEnd]);
                }

                bucketStart = bucketEnd;
            }
        }

        private static int Digit(long key, int shift) => (int)((ulong)key >> shift) & (Digits - 1);

        private static void InsertionSort(Span<long> keys, Span<int> positions)
        {
            for (var i = 1; i < keys.Length; i++)
            {
                var key = keys[i];
                var position = positions[i];
                var j = i - 1;
                while (j >= 0 && keys[j] > key)
                {
                    keys[j + 1] = keys[j];
                    positions[j + 1] = positions[j];
                    j--;
                }

                keys[j + 1] = key;
                positions[j + 1] = position;
            }
        }

        private void Grow()
        {
            var keys = ArrayPool<long>.Shared.Rent(2 * _keys.Length);
            var positions = ArrayPool<int>.Shared.Rent(2 * _positions.Length);
            _keys.AsSpan(0, _count).CopyTo(keys);
            _positions.AsSpan(0, _count).CopyTo(positions);
            ArrayPool<long>.Shared.Return(_keys);
            ArrayPool<int>.Shared.Return(_positions);
            _keys = keys;
            _positions = positions;
        }
    }
}
