using System.Globalization;
using BenchmarkDotNet.Attributes;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// Loading a snapshot: <c>SnapshotJson.Read(Stream)</c> over a read-only <see cref="MemoryStream"/> of the UTF-8 JSON that
/// <c>SnapshotJson.Write</c> produced in set-up (no disk in the timing).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Json")]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class SnapshotJsonBenchmarks
{
    private byte[] _json = [];

    /// <summary>The number of offender records.</summary>
    [Params(100_000, 1_000_000)]
    public int Offenders { get; set; } = 100_000;

    /// <summary>The size of the document, for the report.</summary>
    public long JsonBytes => _json.LongLength;

    /// <summary>Generates the caseload, writes it, and checks that it reads back whole.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var snapshot = SyntheticCaseload.Generate(Offenders);
        using (var stream = new MemoryStream())
        {
            SnapshotJson.Write(snapshot, stream);
            _json = stream.ToArray();
        }

        var result = Read();
        var read = result.Snapshot;
        if (result.Problems.Count > 0 || read.Offenders.Count != snapshot.Offenders.Count || read.Visits.Count != snapshot.Visits.Count)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The written snapshot does not read back: {result.Problems.Count} problems, {read.Offenders.Count} of {snapshot.Offenders.Count} offenders, {read.Visits.Count} of {snapshot.Visits.Count} visits."));
        }
    }

    /// <summary>Lets the document go before the next benchmark case.</summary>
    [GlobalCleanup]
    public void Cleanup() => _json = [];

    /// <summary>Reads the whole snapshot from the stream.</summary>
    /// <returns>The snapshot, its problems and its hash.</returns>
    [Benchmark]
    public SnapshotReadResult Read()
    {
        using var stream = new MemoryStream(_json, writable: false);
        return SnapshotJson.Read(stream);
    }
}
