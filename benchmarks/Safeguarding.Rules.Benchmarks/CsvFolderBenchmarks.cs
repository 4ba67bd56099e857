using System.Globalization;
using BenchmarkDotNet.Attributes;
using nietras.SeparatedValues;
using Safeguarding.Rules.Csv;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// CSV folders (contract section 9): the whole <c>SnapshotCsv.ReadFolder</c> against <c>SnapshotJson.ReadFile</c> of the
/// same snapshot, and the three CSV libraries NuGet serves tokenising the same files (every cell of every row touched,
/// the first as a string, and the line each record starts on read where the library offers it), which is how the
/// library was chosen: see Directory.Packages.props and RESULTS.md, "CSV folders".
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Csv")]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 9)]
public class CsvFolderBenchmarks
{
    private static readonly string[] Files = ["teams.csv", "managers.csv", "offenders.csv", "visits.csv", "briefings.csv"];

    private string _folder = string.Empty;
    private string _json = string.Empty;

    /// <summary>The number of offender records.</summary>
    [Params(100_000)]
    public int Offenders { get; set; } = 100_000;

    /// <summary>Generates the caseload and writes it as a CSV folder and a JSON file in a temporary folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var snapshot = SyntheticCaseload.Generate(Offenders);
        _folder = Path.Combine(Path.GetTempPath(), "csv-benchmark-" + Guid.NewGuid().ToString("N"));
        SnapshotCsv.WriteFolder(snapshot, _folder);
        _json = _folder + ".json";
        SnapshotJson.WriteFile(snapshot, _json);
        var read = ReadFolder();
        if (read.Problems.Count > 0 || read.Snapshot.Offenders.Count != snapshot.Offenders.Count || read.Snapshot.Visits.Count != snapshot.Visits.Count)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The written folder does not read back: {read.Problems.Count} problems, {read.Snapshot.Offenders.Count} of {snapshot.Offenders.Count} offenders."));
        }
    }

    /// <summary>Removes the files.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_folder, recursive: true);
        File.Delete(_json);
    }

    /// <summary>Reads the JSON file: the baseline a CSV folder is to be no slower than.</summary>
    /// <returns>The snapshot as read.</returns>
    [Benchmark(Baseline = true)]
    public SnapshotReadResult ReadJsonFile() => SnapshotJson.ReadFile(_json);

    /// <summary>Reads the CSV folder into the same snapshot (Sep inside).</summary>
    /// <returns>The snapshot.</returns>
    [Benchmark]
    public SnapshotReadResult ReadFolder() => SnapshotCsv.ReadFolder(_folder);

    /// <summary>Sep 0.17.1: raw cells, start lines.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark]
    public long TokeniseWithSep()
    {
        long sum = 0;
        foreach (var file in Files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(_folder, file));
            using var reader = Sep.Reader(static o => o with { Sep = new Sep(','), Unescape = false, DisableColCountCheck = true }).From(bytes);
            foreach (var row in reader)
            {
                sum += row.LineNumberFrom + row[0].ToString().Length;
                for (var i = 1; i < row.ColCount; i++)
                {
                    sum += row[i].Span.Length;
                }
            }
        }

        return sum;
    }

    /// <summary>CsvHelper 34.0.0 (UTF-8 bytes, start lines when tracked).</summary>
    /// <returns>A checksum.</returns>
    [Benchmark]
    public long TokeniseWithCsvHelper()
    {
        long sum = 0;
        foreach (var file in Files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(_folder, file));
            using var reader = CsvHelper.CsvReader.Create(bytes, CsvHelper.CsvReaderOptions.Default with { TrackLineNumbers = true, Separator = ',' });
            reader.ReadHeader();
            while (reader.Read())
            {
                sum += reader.LineNumber + reader.GetString(0).Length;
                for (var i = 1; i < reader.FieldCount; i++)
                {
                    sum += reader.GetSpan(i).Length;
                }
            }
        }

        return sum;
    }

    /// <summary>Sylvan.Data.Csv 1.4.4 (record numbers only: no line a record starts on).</summary>
    /// <returns>A checksum.</returns>
    [Benchmark]
    public long TokeniseWithSylvan()
    {
        long sum = 0;
        foreach (var file in Files)
        {
            using var reader = Sylvan.Data.Csv.CsvDataReader.Create(Path.Combine(_folder, file), new Sylvan.Data.Csv.CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
            while (reader.Read())
            {
                sum += reader.RowNumber + reader.GetString(0).Length;
                for (var i = 1; i < reader.RowFieldCount; i++)
                {
                    sum += reader.GetFieldSpan(i).Length;
                }
            }
        }

        return sum;
    }
}
