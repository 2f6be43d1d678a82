namespace Invoicing.Core.Payments.Reconciliation;

/// <summary>A bounded search for sets of amounts that sum exactly to a target.</summary>
internal static class SubsetSum
{
    /// <summary>
    /// Finds up to <paramref name="limit"/> sets of 2 to <paramref name="maxSize"/> positions whose amounts sum to
    /// <paramref name="target"/>, trying larger amounts first.
    /// </summary>
    /// <param name="amounts">Positive amounts, sorted from the largest.</param>
    /// <param name="target">The sum wanted.</param>
    /// <param name="maxSize">The most amounts in a set.</param>
    /// <param name="limit">Stop after this many sets (2 is enough to know a set is not unique).</param>
    /// <returns>The sets found, each as ascending positions.</returns>
    internal static IReadOnlyList<int[]> Find(decimal[] amounts, decimal target, int maxSize, int limit)
    {
        var found = new List<int[]>();
        var chosen = new int[maxSize];
        Search(amounts, 0, target, 0, chosen, maxSize, limit, found);
        return found;
    }

    private static void Search(decimal[] amounts, int from, decimal rest, int depth, int[] chosen, int maxSize, int limit, List<int[]> found)
    {
        for (var i = from; i < amounts.Length && found.Count < limit; i++)
        {
            var amount = amounts[i];
            if (amount > rest)
            {
                continue;
            }

            // Sorted from the largest: if even this many of the largest left cannot reach the rest, nothing later can.
            if (amount * (maxSize - depth) < rest)
            {
                return;
            }

            chosen[depth] = i;
            if (amount == rest)
            {
                if (depth >= 1)
                {
                    found.Add(chosen[..(depth + 1)]);
                }
            }
            else if (depth + 1 < maxSize)
            {
                Search(amounts, i + 1, rest - amount, depth + 1, chosen, maxSize, limit, found);
            }
        }
    }
}
