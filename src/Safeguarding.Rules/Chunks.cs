namespace Safeguarding.Rules;

/// <summary>
/// Splits a range of records into contiguous chunks that run in parallel, one per degree of parallelism, when the
/// range is large enough to repay the threads. Each chunk keeps partial results of its own (problems, latest dates,
/// counts), which the caller merges in chunk order, so the outcome is the same however many chunks there were.
/// </summary>
internal static class Chunks
{
    /// <summary>Ranges at least this long are split; below it, the threads would cost more than they save.</summary>
    public const int ParallelThreshold = 16_384;

    /// <summary>How many chunks a range of <paramref name="count"/> records gets.</summary>
    public static int For(int count, int maxDegreeOfParallelism) => count >= ParallelThreshold ? Math.Max(1, maxDegreeOfParallelism) : 1;

    /// <summary>Runs <paramref name="body"/>(chunk, from, to) over <c>[0, count)</c> in <paramref name="chunks"/> contiguous chunks, in parallel.</summary>
    public static void Run(int chunks, int count, Action<int, int, int> body)
    {
        if (chunks == 1)
        {
            body(0, 0, count);
            return;
        }

        Parallel.For(
            0,
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = chunks },
            chunk => body(chunk, (int)((long)count * chunk / chunks), (int)((long)count * (chunk + 1) / chunks)));
    }
}
